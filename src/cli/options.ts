// Option parsers shared by commands: each turns a flag's text into a checked value or a usage error.
import { InvalidArgumentError } from 'commander';

export function choice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value: string) => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

export function percentage(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100');
  return parsed;
}

/** A significance level or false discovery rate: strictly between 0 and 1. */
export function alphaValue(value: string): number {
  const alpha = Number(value);
  if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError('expected a probability between 0 and 1');
  return alpha;
}

/** A regression gate in percent: any non-negative amount (a build can get 300% slower). */
export function regressionThreshold(value: string): number {
  const pct = Number(value);
  if (!Number.isFinite(pct) || pct < 0) throw new InvalidArgumentError('expected a percentage');
  return pct;
}
