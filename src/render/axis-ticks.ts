// Round tick values for chart axes: steps of 1, 2 or 5 times a power of ten, in the
// display unit (seconds; KiB/MiB/GiB for bytes).

export function niceStep(range: number, targetTicks: number): number {
  if (range <= 0) return 1;
  const raw = range / targetTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

export function ticks(max: number, targetTicks: number): number[] {
  const step = niceStep(max, targetTicks);
  const values: number[] = [];
  for (let value = 0; value <= max * (1 + 1e-9); value += step) values.push(Number(value.toPrecision(12)));
  return values;
}

const BINARY_UNITS = [
  { name: 'B', size: 1 },
  { name: 'KiB', size: 1024 },
  { name: 'MiB', size: 1024 ** 2 },
  { name: 'GiB', size: 1024 ** 3 },
  { name: 'TiB', size: 1024 ** 4 },
];

/** Byte ticks in the binary unit that suits `max`: values in bytes with their labels. */
export function byteTicks(max: number, targetTicks: number): Array<{ bytes: number; label: string }> {
  let unit = BINARY_UNITS[0]!;
  for (const candidate of BINARY_UNITS) if (max >= candidate.size) unit = candidate;
  return ticks(max / unit.size, targetTicks).map((value) => ({ bytes: value * unit.size, label: `${value} ${unit.name}` }));
}
