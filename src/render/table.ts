// A table as plain data, and its renderings as aligned text, CSV and Markdown.
// Renderers only format: they never read files or know about profiles. Cells hold the
// exact text (HTML escapes it its own way); each rendering here makes it safe for its format.
import { markdownText } from './markdown-text.js';
import { paint, type CellStyle } from './cell-style.js';
import { shownName, visibleText } from './program-text.js';

export interface Column {
  title: string;
  align: 'left' | 'right';
}

export interface Table {
  columns: Column[];
  rows: string[][];
  /** What a cell means, for colour on a terminal (text only; null: plain). */
  cellStyle?: (row: number, column: number) => CellStyle | null;
}

export type TableFormat = 'text' | 'csv' | 'markdown';

export interface TableOptions {
  /** ANSI colour in text: headings bold, cells as `cellStyle` says. Never in CSV or Markdown. */
  colour?: boolean;
}

export function renderTable(table: Table, format: TableFormat, options: TableOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(table, options.colour === true);
    case 'csv':
      return renderCsv(table);
    case 'markdown':
      return renderMarkdown(table);
  }
}

/**
 * Aligned columns. Every cell is shown (program-text.ts: one line, no control characters, at
 * most MAX_SHOWN_CHARS long: a column is padded to its widest cell, so one huge name would
 * pad every row). Widths by a loop: spreading 100,000s of rows into Math.max overflows the stack.
 */
function renderText(table: Table, colour: boolean): string {
  const titles = table.columns.map((column) => shownName(column.title));
  const rows = table.rows.map((row) => row.map(shownName));
  const widths = titles.map((title) => title.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) if (row[i]!.length > widths[i]!) widths[i] = row[i]!.length;
  }
  const styleOf = (row: number, column: number): CellStyle | null => {
    if (!colour) return null;
    return row < 0 ? 'heading' : (table.cellStyle?.(row, column) ?? null);
  };
  const line = (cells: string[], row: number): string => {
    const last = cells.length - 1;
    return cells
      .map((cell, i) => {
        // The last cell is not padded on the right (a line ends with no spaces), nor is the paint.
        const padded = table.columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : i === last ? cell : cell.padEnd(widths[i]!);
        const style = styleOf(row, i);
        if (style === null) return padded;
        const text = padded.trim();
        const at = padded.indexOf(text);
        return `${padded.slice(0, at)}${paint(text, style)}${padded.slice(at + text.length)}`;
      })
      .join('  ')
      .trimEnd();
  };
  return [line(titles, -1), ...rows.map((row, r) => line(row, r))].join('\n') + '\n';
}

/** A cell a spreadsheet reads as a number, in the forms String(number) writes: data, never a formula. */
const NUMBER = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|Infinity)$/i;

/**
 * A fraction as the 15 significant digits a double holds for sure: sums and means of decimal
 * amounts carry binary noise (`0.08700000000000001` is 87 ticks of 1 ms). Integers are left as
 * they are (they are exact, or warned of when read: inexact-integers.ts).
 */
function tidyNumber(cell: string): string {
  if (!NUMBER.test(cell) || !/[.e]/i.test(cell)) return cell;
  const value = Number(cell);
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : cell;
}

/**
 * One CSV field. Shown (program-text.ts), so a record is one line and safe on a terminal; then
 * a text cell starting with `=`, `+`, `-` or `@` gets a leading `'`, which spreadsheets take as
 * "this is text" (OWASP, CSV injection: such a cell is otherwise run as a formula; the other
 * triggers, tab and CR, are already shown as `\x09`, `\x0d`). Numbers, `-3.2` among them, are
 * left as numbers. Then RFC 4180: quote fields with commas or quotes (line breaks are shown as
 * `\x0a`, `\x0d` by now); double inner quotes.
 */
function csvField(value: string): string {
  const shown = tidyNumber(visibleText(value));
  const text = /^[=+\-@]/.test(shown) && !NUMBER.test(shown) ? `'${shown}` : shown;
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function renderCsv(table: Table): string {
  const lines = [table.columns.map((column) => csvField(column.title)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((cells) => cells.join(',')).join('\n') + '\n';
}

/** A cell: shown as itself (markdown-text.ts), elided like a text cell so a huge name cannot swell the page. */
function markdownCell(value: string): string {
  return markdownText(shownName(value));
}

function renderMarkdown(table: Table): string {
  const header = `| ${table.columns.map((column) => markdownCell(column.title)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n') + '\n';
}
