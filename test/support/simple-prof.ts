// A deliberately naive reading of a text .prof for cross-checks: split each call-tree row
// on white space. It shares no code with the parser under test, so agreeing numbers mean
// something. (It cannot handle every variant; tests use it only where it applies.)

export interface SimpleRow {
  depth: number;
  label: string;
  module: string;
  entries: number;
  individualTimePct: number;
  individualAllocPct: number;
  ticks: number | null;
  bytes: number | null;
}

export interface SimpleReport {
  totalTicks: number;
  totalAllocBytes: number;
  tickIntervalUs: number;
  processors: number | null;
  hasTicksColumns: boolean;
  rows: SimpleRow[];
}

export function readSimpleReport(text: string): SimpleReport {
  const lines = text.split(/\r?\n/);
  const time = /total time\s*=\s*[\d.]+ secs\s+\((\d+) ticks @ (\d+) (us|ms)(?:, (\d+) processors?)?\)/.exec(text)!;
  const alloc = /total alloc\s*=\s*([\d,]+) bytes/.exec(text)!;
  const headerIndex = lines.findIndex((line) => line.startsWith('COST CENTRE') && / no\.\s/.test(line));
  const hasTicksColumns = /\bticks\s+bytes\s*$/.test(lines[headerIndex]!);
  const rows: SimpleRow[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '') continue;
    const words = line.trim().split(/\s+/);
    const numbers = words.slice(hasTicksColumns ? -7 : -5).map(Number);
    const [entries, indTime, indAlloc] = numbers;
    rows.push({
      depth: line.length - line.trimStart().length,
      label: words[0]!,
      module: words[1]!,
      entries: entries!,
      individualTimePct: indTime!,
      individualAllocPct: indAlloc!,
      ticks: hasTicksColumns ? numbers[5]! : null,
      bytes: hasTicksColumns ? numbers[6]! : null,
    });
  }
  return {
    totalTicks: Number(time[1]),
    tickIntervalUs: Number(time[2]) * (time[3] === 'ms' ? 1000 : 1),
    processors: time[4] === undefined ? null : Number(time[4]),
    totalAllocBytes: Number(alloc[1]!.replace(/,/g, '')),
    hasTicksColumns,
    rows,
  };
}

/** Stacks as `Module.label` paths joined by `;`, with the row they end in. */
export function simpleStacks(rows: SimpleRow[]): Array<{ path: string; row: SimpleRow }> {
  const path: string[] = [];
  return rows.map((row) => {
    path.length = Math.min(row.depth, path.length);
    path.push(`${row.module}.${row.label}`);
    return { path: path.join(';'), row };
  });
}
