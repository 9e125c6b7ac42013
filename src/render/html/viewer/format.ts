// Numbers as the viewer shows them: values with their unit, shares in percent.
// Shipped to the page as source (see model.ts): self-contained, no outside references.

export function valueFormat() {
  const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

  function grouped(value: number): string {
    return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 });
  }

  /** Binary units, as src/render/bytes.ts prints them, with the exact count beside. */
  function bytes(value: number): string {
    let scaled = value;
    let unit = 0;
    while (Math.abs(scaled) >= 1024 && unit < BYTE_UNITS.length - 1) {
      scaled /= 1024;
      unit++;
    }
    if (unit === 0) return `${grouped(value)} B`;
    return `${scaled.toFixed(scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2)} ${BYTE_UNITS[unit]} (${grouped(Math.round(value))} bytes)`;
  }

  function formatValue(value: number, unit: string): string {
    if (unit === 'bytes') return bytes(value);
    return `${grouped(value)} ${unit}`;
  }

  /** `part` as a percentage of `whole`, two decimals; a dash when the whole is zero. */
  function formatShare(part: number, whole: number): string {
    if (!(whole > 0)) return '–';
    return `${((part / whole) * 100).toFixed(2)}%`;
  }

  function formatChange(deltaPct: number): string {
    const sign = deltaPct > 0 ? '+' : deltaPct < 0 ? '−' : '±';
    return `${sign}${Math.abs(deltaPct).toFixed(1)}%`;
  }

  return { formatValue, formatShare, formatChange };
}

export type ValueFormatLibrary = ReturnType<typeof valueFormat>;
