// The one place that turns failures into messages and exit codes:
// 0 success, 1 a verdict failed (later: regressions), 2 bad input or usage.
import { InputError } from '../model/diagnostic.js';

export class UsageError extends Error {}

export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof InputError || error instanceof UsageError) {
        process.stderr.write(`ghcprof: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      if ((error as { code?: string }).code === 'EPIPE') return; // reader went away (e.g. `| head`)
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`ghcprof: internal error: ${message}\n`);
      if (process.env['GHCPROF_DEBUG']) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 3;
    }
  };
}
