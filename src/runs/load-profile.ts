// Opens an input path and reads it into a Profile, with progress and read warnings.
import type { Profile } from '../model/profile.js';
import { readProfile, type ReadProfileOptions } from '../formats/read-profile.js';
import { readInput } from './read-input.js';

export function loadProfile(path: string, options: ReadProfileOptions = {}): Promise<Profile> {
  return readInput(path, (chunks, name) => readProfile(chunks, name, options));
}
