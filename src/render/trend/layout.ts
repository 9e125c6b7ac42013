// The geometry of one trend chart: a series' runs as points, its build medians joined by a
// line inside their confidence band, build names along the bottom, and change points as
// vertical lines between two builds labelled with their suspects. Returns a tree of SVG
// elements as plain data: svg-nodes.ts serialises it (escaping every text), and the HTML
// page's script turns the same tree into DOM nodes with textContent.
//
// SELF-CONTAINED ON PURPOSE: the HTML page carries this very function, as its source text
// (Function.prototype.toString), so it may use nothing from outside its own body (no
// imports, no module constants) and only the standard library. A test checks that. For the
// same reason it formats no values: every label and tooltip arrives in the model already
// written by metric-value.ts, so the page shows numbers as the SVG and the text reports do.

/** One SVG element: tag, attributes, text content, children. */
export interface ChartNode {
  tag: string;
  attrs: Record<string, string | number>;
  text?: string;
  children?: ChartNode[];
}

export interface TrendChangeMark {
  beforeIndex: number;
  afterIndex: number;
  /** `step`: a change point; `appeared`/`disappeared`: the cost centre came or went. */
  kind: 'step' | 'appeared' | 'disappeared';
  direction: 'regression' | 'improvement' | 'mixed' | null;
  /** Shown beside the line: the suspects. */
  label: string;
  /** Tooltip: the build, the steps and the suspects in full. */
  detail: string;
}

/** Everything one chart shows, in the metric's own unit; labels already formatted. */
export interface TrendChartModel {
  title: string;
  subtitle: string;
  builds: string[];
  /** Per build, the tooltip of its median (name, start, runs, median and CI). */
  buildDetails: string[];
  /** Per build, its runs' values (empty: the build lacks the series). */
  runs: number[][];
  /** Per build and run, the run's tooltip (build, run number, value). */
  runDetails: string[][];
  medians: (number | null)[];
  ciLow: (number | null)[];
  ciHigh: (number | null)[];
  yMin: number;
  yMax: number;
  yTicks: Array<{ value: number; label: string }>;
  marks: TrendChangeMark[];
}

export function layoutTrendChart(model: TrendChartModel, width: number, height: number): ChartNode {
  const count = Math.max(1, model.builds.length);
  const left = 78;
  const right = 16;
  const slot = (width - left - right) / count;
  const crowded = slot < 64;
  const bottom = crowded ? 70 : 40;
  const charWidth = 6.3;
  const rowHeight = 14;

  // Change-point labels sit in rows above the plot, each starting at its line, no two overlapping.
  const boundaryX = (mark: TrendChangeMark): number => left + ((mark.beforeIndex + mark.afterIndex + 1) / 2) * slot;
  const rows: Array<Array<[number, number]>> = [];
  const labels = model.marks.map((mark) => {
    const x = boundaryX(mark);
    const textWidth = mark.label.length * charWidth;
    // Labels that would run off the right edge end at their line instead.
    const flip = x + 4 + textWidth > width - right;
    const from = flip ? x - 4 - textWidth : x;
    const to = flip ? x : x + 4 + textWidth;
    let row = rows.findIndex((used) => used.every(([start, end]) => to + 6 < start || from > end + 6));
    if (row < 0) {
      row = rows.length;
      rows.push([]);
    }
    rows[row]!.push([from, to]);
    return { row, flip };
  });
  const top = 44 + Math.max(1, rows.length) * rowHeight + 6;
  const plotHeight = Math.max(40, height - top - bottom);
  const span = model.yMax - model.yMin || 1;
  const xOf = (build: number): number => left + (build + 0.5) * slot;
  const yOf = (value: number): number => top + plotHeight - ((value - model.yMin) / span) * plotHeight;
  // Coordinates to a tenth of a pixel (not a value formatter: values come formatted).
  const fixed = (value: number): string => value.toFixed(1);

  const children: ChartNode[] = [
    { tag: 'rect', attrs: { width, height, fill: '#ffffff' } },
    { tag: 'text', attrs: { x: left, y: 18, 'font-size': 14, 'font-weight': 'bold', class: 'chart-title' }, text: model.title },
    { tag: 'text', attrs: { x: left, y: 34, fill: '#555555', class: 'chart-subtitle' }, text: model.subtitle },
  ];

  // Grid and y axis.
  for (const tick of model.yTicks) {
    const y = fixed(yOf(tick.value));
    children.push({ tag: 'line', attrs: { x1: left, y1: y, x2: width - right, y2: y, stroke: '#e6e6e6' } });
    children.push({ tag: 'text', attrs: { x: left - 6, y: fixed(yOf(tick.value) + 4), 'text-anchor': 'end', fill: '#333333' }, text: tick.label });
  }
  children.push({ tag: 'line', attrs: { x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: '#333333' } });
  children.push({ tag: 'line', attrs: { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: '#333333' } });

  // Build names along the bottom, slanted when the slots are narrow.
  model.builds.forEach((name, b) => {
    const x = xOf(b);
    const y = top + plotHeight + 16;
    const attrs: Record<string, string | number> = { x: fixed(x), y, 'text-anchor': crowded ? 'end' : 'middle', class: 'build-name' };
    if (crowded) attrs['transform'] = `rotate(-40 ${fixed(x)} ${y})`;
    children.push({ tag: 'text', attrs, text: name, children: [{ tag: 'title', attrs: {}, text: model.buildDetails[b] ?? name }] });
  });

  // Confidence bands and the line of medians, broken where a build lacks the series; the
  // bands also break at change points (each level its own band).
  const stepStarts = model.marks.filter((mark) => mark.kind === 'step').map((mark) => mark.afterIndex);
  const stretches: number[][] = [];
  const bands: number[][] = [];
  let current: number[] = [];
  let band: number[] = [];
  model.medians.forEach((median, b) => {
    if (median === null || stepStarts.indexOf(b) >= 0) {
      if (band.length > 0) bands.push(band);
      band = [];
    }
    if (median === null) {
      if (current.length > 0) stretches.push(current);
      current = [];
      return;
    }
    current.push(b);
    band.push(b);
  });
  if (current.length > 0) stretches.push(current);
  if (band.length > 0) bands.push(band);
  const half = Math.min(slot * 0.3, 18);
  for (const stretch of bands) {
    const upper: string[] = [];
    const lower: string[] = [];
    for (const b of stretch) {
      const high = model.ciHigh[b] ?? model.medians[b]!;
      const low = model.ciLow[b] ?? model.medians[b]!;
      upper.push(`${fixed(xOf(b) - half)},${fixed(yOf(high))}`, `${fixed(xOf(b) + half)},${fixed(yOf(high))}`);
      lower.unshift(`${fixed(xOf(b) + half)},${fixed(yOf(low))}`, `${fixed(xOf(b) - half)},${fixed(yOf(low))}`);
    }
    children.push({ tag: 'polygon', attrs: { class: 'ci-band', points: [...upper, ...lower].join(' '), fill: '#9fc3e6', 'fill-opacity': 0.45, stroke: 'none' } });
  }
  for (const stretch of stretches) {
    children.push({ tag: 'polyline', attrs: { class: 'median-line', points: stretch.map((b) => `${fixed(xOf(b))},${fixed(yOf(model.medians[b]!))}`).join(' '), fill: 'none', stroke: '#1f5f99', 'stroke-width': 2 } });
  }

  // Runs as points, spread across their build's slot in run order.
  model.runs.forEach((values, b) => {
    values.forEach((value, r) => {
      const offset = values.length > 1 ? (r / (values.length - 1) - 0.5) * half * 1.6 : 0;
      children.push({
        tag: 'circle',
        attrs: { class: 'run', cx: fixed(xOf(b) + offset), cy: fixed(yOf(value)), r: 2.6, fill: '#333333', 'fill-opacity': 0.55 },
        children: [{ tag: 'title', attrs: {}, text: model.runDetails[b]?.[r] ?? '' }],
      });
    });
  });
  model.medians.forEach((median, b) => {
    if (median === null) return;
    children.push({
      tag: 'rect',
      attrs: { class: 'median', x: fixed(xOf(b) - half), y: fixed(yOf(median) - 1.5), width: fixed(2 * half), height: 3, fill: '#1f5f99' },
      children: [{ tag: 'title', attrs: {}, text: model.buildDetails[b] ?? '' }],
    });
  });

  // Change points: a vertical line between the two builds, its suspects above the plot. Upper
  // rows first: a line runs down through the rows below its label, whose haloed texts then
  // sit on top of it.
  const byRow = model.marks.map((mark, i) => i).sort((a, b) => labels[a]!.row - labels[b]!.row || a - b);
  byRow.forEach((i) => {
    const mark = model.marks[i]!;
    const x = fixed(boundaryX(mark));
    const colour = mark.kind !== 'step' ? '#7a4fb3' : mark.direction === 'regression' ? '#c0392b' : mark.direction === 'improvement' ? '#2e8b57' : '#777777';
    const label = labels[i]!;
    const labelY = 44 + label.row * rowHeight + 10;
    children.push({
      tag: 'g',
      attrs: { class: mark.kind === 'step' ? 'change-point' : 'appearance' },
      children: [
        { tag: 'title', attrs: {}, text: mark.detail },
        { tag: 'line', attrs: { x1: x, y1: labelY - 10, x2: x, y2: top + plotHeight, stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': mark.kind === 'step' ? '5,3' : '2,2' } },
        { tag: 'text', attrs: { x: fixed(boundaryX(mark) + (label.flip ? -4 : 4)), y: labelY, fill: colour, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', class: 'suspects', 'text-anchor': label.flip ? 'end' : 'start' }, text: mark.label },
      ],
    });
  });

  return {
    tag: 'svg',
    attrs: { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'Verdana, sans-serif', 'font-size': 11 },
    children,
  };
}
