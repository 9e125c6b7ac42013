// Opens an input path and reads it into a Profile, with progress and read warnings.
import type { Profile } from '../model/profile.js';
import { openInput } from '../parse/input.js';
import { readProfile, type ReadProfileOptions } from '../parse/read-profile.js';
import { showReadProgress } from './progress.js';

export async function loadProfile(path: string, options: ReadProfileOptions = {}): Promise<Profile> {
  const input = openInput(path);
  const progress = showReadProgress(input, `reading ${path}`);
  try {
    const profile = await readProfile(input.chunks(), input.name, options);
    profile.warnings.unshift(...input.warnings);
    return profile;
  } finally {
    progress.stop();
  }
}
