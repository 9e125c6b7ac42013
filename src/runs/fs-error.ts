// A file-system failure (Node's errors with an errno `code`: EACCES, EISDIR, ELOOP, EMFILE...)
// said in one line that names the file, as an InputError: the CLI prints those without a
// stack trace and exits 2, and they cross a worker's boundary as data (posted-error.ts). No
// `node:` import: the codes are plain strings.
import { InputError } from '../model/diagnostic.js';

/** What went wrong, in words, for the codes a path can meet; others keep Node's text. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files in the system',
  ENXIO: 'no such device or address',
  ENODEV: 'no such device',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EBUSY: 'device or resource busy',
  ETXTBSY: 'text file busy',
  EFBIG: 'file too large',
  ESTALE: 'stale file handle',
};

export interface FsError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

/** Whether `error` is one of Node's system errors (an errno code such as `EACCES`, and the call that failed). */
export function isFsError(error: unknown): error is FsError {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string';
}

/** The failure in words, without Node's `CODE: ..., syscall 'path'` wrapping. */
export function fsErrorReason(error: unknown): string {
  if (!isFsError(error)) return error instanceof Error ? error.message : String(error);
  return REASONS[error.code] ?? `${error.message.replace(/^E[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '')} (${error.code})`;
}

/**
 * What to throw for `error`, met using `path`: a file-system failure as an InputError on the
 * path; anything else (an InputError, a bug) as it is.
 */
export function fsInputError(path: string, error: unknown): unknown {
  return isFsError(error) ? new InputError({ source: path }, fsErrorReason(error)) : error;
}
