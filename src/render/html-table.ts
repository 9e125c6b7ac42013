// A Table as an HTML <table>, every cell escaped (cost-centre names are program text).
import type { Table } from './table.js';
import { escapeXml } from './xml-escape.js';

export function renderHtmlTable(table: Table): string {
  const align = (i: number): string => (table.columns[i]!.align === 'right' ? ' class="num"' : '');
  const head = table.columns.map((column, i) => `<th${align(i)}>${escapeXml(column.title)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td${align(i)}>${escapeXml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
