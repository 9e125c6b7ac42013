// Durations for people: the unit that keeps three significant digits readable.

export function formatDuration(secs: number): string {
  if (secs === 0) return '0 s';
  if (secs < 1e-3) return `${(secs * 1e6).toFixed(secs < 1e-5 ? 2 : 1)} µs`;
  if (secs < 1) return `${(secs * 1e3).toFixed(secs < 1e-2 ? 2 : 1)} ms`;
  return `${secs.toFixed(secs < 10 ? 3 : 2)} s`;
}
