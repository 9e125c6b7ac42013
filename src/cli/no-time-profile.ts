// The error when no input had a time profile (each left out with a warning saying why): it
// names the input when there is one, so the line says which file failed, as every error does.
import type { CollectedRuns } from '../runs/collect-runs.js';
import { UsageError } from './run-command.js';

export function noTimeProfileError(collected: CollectedRuns, side: string | null): UsageError {
  const paths = collected.inputs.map((input) => input.profilePath);
  const which = paths.length === 1 ? `${paths[0]}: no time profile` : `none of the ${paths.length} inputs has a time profile`;
  return new UsageError(`${side === null ? '' : `${side}: `}${which} to ${side === null ? 'aggregate' : 'compare'}`);
}
