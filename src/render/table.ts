// A table as plain data, and its renderings as aligned text, CSV and Markdown.
// Renderers only format: they never read files or know about profiles.

export interface Column {
  title: string;
  align: 'left' | 'right';
}

export interface Table {
  columns: Column[];
  rows: string[][];
}

export type TableFormat = 'text' | 'csv' | 'markdown';

export function renderTable(table: Table, format: TableFormat): string {
  switch (format) {
    case 'text':
      return renderText(table);
    case 'csv':
      return renderCsv(table);
    case 'markdown':
      return renderMarkdown(table);
  }
}

function renderText(table: Table): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.title.length, ...table.rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (table.columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(table.columns.map((column) => column.title)), ...table.rows.map(line)].join('\n') + '\n';
}

/** RFC 4180: quote fields with commas, quotes or line breaks; double inner quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function renderCsv(table: Table): string {
  const lines = [table.columns.map((column) => csvField(column.title)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((cells) => cells.join(',')).join('\n') + '\n';
}

/** Cost-centre names are program text: `|`, `\`, backticks and `<` must not break the table. */
function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([`*_<>[\]])/g, '\\$1');
}

function renderMarkdown(table: Table): string {
  const header = `| ${table.columns.map((column) => markdownCell(column.title)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n') + '\n';
}
