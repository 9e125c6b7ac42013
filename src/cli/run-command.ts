// The one place that turns failures into messages and exit codes:
// 0 success, 1 a verdict failed (later: regressions), 2 bad input or usage.
import { InputError } from '../model/diagnostic.js';
import { visibleText } from '../render/program-text.js';
import { fsErrorReason, isFsError } from '../runs/fs-error.js';

export class UsageError extends Error {}

/**
 * The one line for a failure that is the user's or the machine's, not ghcprof's: bad input, a
 * usage mistake, or a file-system failure no reader named (the file, then what went wrong); null
 * for anything else, which is a bug.
 */
function userFacingMessage(error: unknown): string | null {
  if (error instanceof InputError || error instanceof UsageError) return error.message;
  if (isFsError(error)) return error.path === undefined ? `${fsErrorReason(error)} (${error.syscall})` : `${error.path}: ${fsErrorReason(error)}`;
  return null;
}

export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      if ((error as { code?: string }).code === 'EPIPE') return; // reader went away (e.g. `| head`)
      const message = userFacingMessage(error);
      if (message !== null) {
        // Messages quote the input (names, a JSON snippet): control bytes would redraw the terminal.
        process.stderr.write(`ghcprof: ${visibleText(message)}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`ghcprof: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env['GHCPROF_DEBUG']) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 3;
    }
  };
}
