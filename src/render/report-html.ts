// `ghcprof report --html`: one self-contained page with the run's header, the top tables,
// the interactive flamegraph (embedded with srcdoc, so its script and styles stay its own)
// and, for eventlogs, the heap chart and the GC summary.
import type { Table } from './table.js';
import { renderHtmlTable } from './html-table.js';
import { srcdoc } from './html/srcdoc.js';
import { escapeXml } from './xml-escape.js';

export interface ReportPage {
  title: string;
  headerText: string;
  warnings: string[];
  tables: Array<{ title: string; table: Table }>;
  /** A complete flamegraph page, embedded as an iframe's srcdoc. */
  flamegraphHtml: string | null;
  heapSvg: string | null;
  gcSummaryText: string | null;
}


export function renderReportHtml(page: ReportPage): string {
  const sections: string[] = [];
  sections.push(`<section><pre class="header">${escapeXml(page.headerText)}</pre>`);
  for (const warning of page.warnings) sections.push(`<p class="warning">warning: ${escapeXml(warning)}</p>`);
  sections.push('</section>');
  if (page.flamegraphHtml !== null) {
    sections.push(`<section><h2>Flamegraph</h2><iframe class="flamegraph" title="flamegraph" srcdoc="${srcdoc(page.flamegraphHtml)}"></iframe></section>`);
  }
  for (const { title, table } of page.tables) sections.push(`<section><h2>${escapeXml(title)}</h2>${renderHtmlTable(table)}</section>`);
  if (page.heapSvg !== null) sections.push(`<section><h2>Heap over time</h2>${page.heapSvg}</section>`);
  if (page.gcSummaryText !== null) sections.push(`<section><h2>Eventlog summary</h2><pre>${escapeXml(page.gcSummaryText)}</pre></section>`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(page.title)}</title>
<style>
body{font-family:Verdana,sans-serif;margin:20px;color:#222;max-width:1400px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
pre{background:#f6f6f2;padding:10px;overflow-x:auto}
table{border-collapse:collapse;font-size:12px}th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:left;white-space:nowrap}
th{background:#f0f0ea}.num{text-align:right;font-variant-numeric:tabular-nums}
iframe.flamegraph{width:100%;height:640px;border:1px solid #ddd}
.warning{color:#a33}
</style></head>
<body><h1>${escapeXml(page.title)}</h1>
${sections.join('\n')}
</body></html>
`;
}
