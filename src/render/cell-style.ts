// Colour on a terminal: a cell's meaning (a regression, an improvement, no change, a heading),
// shown with ANSI SGR codes when the caller asks (the CLI does for a terminal: cli/colour.ts).
// Applied after padding, so columns line up whatever the codes' length.

export type CellStyle = 'worse' | 'better' | 'unchanged' | 'heading';

const SGR: Record<CellStyle, string> = {
  worse: '31', // red
  better: '32', // green
  unchanged: '2', // dim
  heading: '1', // bold
};

export function paint(text: string, style: CellStyle | null): string {
  if (style === null || text.length === 0) return text;
  return `\x1b[${SGR[style]}m${text}\x1b[0m`;
}
