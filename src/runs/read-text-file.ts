// A small text file a run is described by (meta.json, a .stats file, a run summary), read
// whole: a file-system failure is an InputError naming the file (fs-error.ts). A gzip file
// is read through, as every other input is: the content says what it is, not the name.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isGzip } from '../formats/common/gzip.js';
import { InputError } from '../model/diagnostic.js';
import { fsInputError } from './fs-error.js';

export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fsInputError(path, error);
  }
  if (!isGzip(bytes)) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new InputError({ source: path, byteOffset: 0 }, `not a readable gzip file (${(error as Error).message})`);
  }
}
