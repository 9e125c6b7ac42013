// `ghcprof timeline -o trend.html`: one self-contained page (no network: data, script and
// styles inline, a Content-Security-Policy that allows nothing else) where the user picks a
// series (cost centre, module or the run totals) and a metric, and sees its runs, build
// medians with their CI band and its change points labelled with their suspects; below, every
// change point, each a button to its chart. The first chart is also drawn into the markup, so
// the page shows it without JavaScript.
import type { Timeline } from '../analyze/timeline.js';
import { CONTENT_SECURITY_POLICY } from './html/page-template.js';
import { assertInlineSafe, jsonForScriptElement } from './html/script-json.js';
import { formatSignedPct } from './metric-value.js';
import { leadMetric, trendChartModel } from './trend/chart-model.js';
import { buildName, describeSuspects, overallDirection, seriesName } from './trend/labels.js';
import { layoutTrendChart } from './trend/layout.js';
import { orderedSeries } from './trend/order.js';
import { trendPageScript } from './trend/page-script.js';
import { serialiseChartNode } from './trend/svg-nodes.js';
import { escapeXml } from './xml-escape.js';

const WIDTH = 1100;
const HEIGHT = 460;

const CSS = `
:root { color-scheme: light; --ink: #1d1d1d; --muted: #5b5b5b; --line: #d9d6cc; --paper: #fdfdf8; --accent: #8a3b12; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif; }
header { padding: 12px 16px 6px; }
h1 { margin: 0; font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 18px 0 6px; }
#subtitle { color: var(--muted); overflow-wrap: anywhere; }
.controls { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding: 6px 16px; display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; }
.controls label { display: inline-flex; align-items: center; gap: 4px; }
select, button { font: inherit; color: inherit; background: #fff; border: 1px solid #b9b5a8; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
select:hover, button:hover { border-color: var(--accent); }
#series { max-width: 40em; }
#status { color: var(--muted); }
main { margin: 8px 16px; }
#chart svg { display: block; max-width: 100%; height: auto; }
section { margin: 0 16px 24px; }
table { border-collapse: collapse; font-size: 12px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
th { background: #f0f0ea; }
td button { padding: 0 4px; }
.hint { color: var(--muted); font-size: 12px; }
`;

export function renderTrendHtml(timeline: Timeline): string {
  const ordered = orderedSeries(timeline);
  const position = new Map(ordered.map((entry, i) => [entry.index, i]));
  const series = ordered.map((entry) => {
    const lead = leadMetric(timeline, entry.index);
    return {
      name: seriesName(entry.series) + (entry.series.src !== null ? ` ${entry.series.src}` : ''),
      kind: entry.series.kind,
      events: entry.points.length + entry.appearances.length,
      changePoints: entry.points.length,
      appearances: entry.appearances.length,
      lead: entry.series.metrics.indexOf(lead),
      metrics: entry.series.metrics.map((metric) => ({
        metric: metric.metric,
        title: metric.title,
        steps: entry.points.filter((point) => point.metrics.some((step) => step.metric === metric.metric)).length,
        model: trendChartModel(timeline, entry.index, metric),
      })),
    };
  });
  const events = [
    ...timeline.changePoints.map((point) => {
      const index = position.get(point.series)!;
      return {
        series: index,
        metric: series[index]!.metrics.findIndex((metric) => metric.metric === point.metric),
        order: point.afterIndex,
        at: buildName(timeline, point.afterIndex),
        after: buildName(timeline, point.beforeIndex),
        name: seriesName(point),
        change: `${overallDirection(point)}: ${point.metrics.map((step) => `${step.title} ${step.deltaPct === null ? 'from 0' : formatSignedPct(step.deltaPct)}`).join(', ')}`,
        suspects: describeSuspects(point.suspects),
      };
    }),
    ...timeline.appearances.map((appearance) => {
      const index = position.get(appearance.series)!;
      return {
        series: index,
        metric: series[index]!.lead,
        order: appearance.afterIndex,
        at: buildName(timeline, appearance.afterIndex),
        after: buildName(timeline, appearance.beforeIndex),
        name: seriesName(appearance),
        change: appearance.change,
        suspects: describeSuspects(appearance.suspects),
      };
    }),
  ].sort((a, b) => a.order - b.order || a.series - b.series);
  // Open on the largest cost centre that stepped (else the run totals).
  const peak = (entry: (typeof ordered)[number]): number => Math.max(0, ...entry.series.timeShares.map((share) => share ?? 0));
  let initialSeries = 0;
  ordered.forEach((entry, i) => {
    if (entry.series.kind === 'run-total' || series[i]!.events === 0) return;
    const current = ordered[initialSeries]!;
    if (current.series.kind === 'run-total' || series[initialSeries]!.events === 0 || peak(entry) > peak(current)) initialSeries = i;
  });
  const initial = { series: initialSeries, metric: Math.max(0, series[initialSeries]?.lead ?? 0) };
  const title = `${timeline.program ?? 'timeline'}: ${timeline.builds.length} builds`;
  const subtitle = `${timeline.builds[0]?.name ?? ''} … ${buildName(timeline, timeline.builds.length - 1)}; ${timeline.changePoints.length} change point${timeline.changePoints.length === 1 ? '' : 's'}${timeline.appearances.length > 0 ? `, ${timeline.appearances.length} ${timeline.appearances.length === 1 ? 'cost centre came or went' : 'cost centres came or went'}` : ''}; dashed lines: change points (red: regression, green: improvement), dotted: a cost centre came or went`;
  const payload = { title, subtitle, width: WIDTH, height: HEIGHT, series, events, initial };
  const initialModel = series[initial.series]?.metrics[initial.metric]?.model;
  const fallback = initialModel === undefined ? '' : serialiseChartNode(layoutTrendChart(initialModel, WIDTH, HEIGHT));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ghcprof">
<title>${escapeXml(title)}</title>
<style>${assertInlineSafe(CSS, 'style')}</style>
</head>
<body>
<header>
<h1 id="title">${escapeXml(title)}</h1>
<div id="subtitle">${escapeXml(subtitle)}</div>
</header>
<div class="controls" role="toolbar" aria-label="Chart controls">
<label>Series <select id="series" aria-label="Series"></select></label>
<label>Metric <select id="metric" aria-label="Metric"></select></label>
<span id="status" aria-live="polite"></span>
</div>
<main id="chart" aria-label="Trend chart">${fallback}</main>
<section id="steps-section"><h2>Change points</h2>
<table id="steps"><thead><tr><th>at</th><th>after</th><th>series</th><th>change</th><th>suspects</th></tr></thead><tbody></tbody></table>
</section>
<noscript><p class="hint">Picking a series and a metric needs JavaScript; the first chart is shown above.</p></noscript>
<script type="application/json" id="trend-data">${jsonForScriptElement(payload)}</script>
<script>
${assertInlineSafe(trendPageScript(), 'script')}</script>
</body>
</html>
`;
}
