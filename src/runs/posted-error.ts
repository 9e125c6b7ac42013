// An error thrown in a parse worker, as it crosses to the main thread. The structured clone of
// an Error keeps its message but not its class, and the CLI's one-line messages and exit codes
// tell an InputError (a bad file) from anything else: so it crosses as data and is rebuilt.
// A file-system failure that reached the worker's edge unnamed (EACCES, EMFILE...) crosses as
// an InputError on its path: a bad file, not a bug.
import { InputError, type SourceLocation } from '../model/diagnostic.js';
import { fsErrorReason, isFsError } from './fs-error.js';

export type PostedError = { kind: 'input'; location: SourceLocation; detail: string } | { kind: 'other'; message: string; stack: string | undefined };

export function postedError(error: unknown): PostedError {
  if (error instanceof InputError) return { kind: 'input', location: error.location, detail: error.detail };
  if (isFsError(error) && error.path !== undefined) return { kind: 'input', location: { source: error.path }, detail: fsErrorReason(error) };
  return error instanceof Error ? { kind: 'other', message: error.message, stack: error.stack } : { kind: 'other', message: String(error), stack: undefined };
}

/** The error as thrown in the worker: an InputError again, or an Error with its message and the worker's stack. */
export function revivedError(posted: PostedError): Error {
  if (posted.kind === 'input') return new InputError(posted.location, posted.detail);
  const error = new Error(posted.message);
  if (posted.stack !== undefined) error.stack = posted.stack;
  return error;
}
