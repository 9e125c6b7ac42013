// The trend page's script: fills the pickers from the embedded JSON and draws the chosen
// series and metric with layout.ts's own function (its source text is inlined here), turning
// the element tree into DOM nodes. It formats no numbers: the data carries every label and
// tooltip already written by metric-value.ts, as the SVG shows them. Names only ever reach the page through textContent and
// attribute values set with setAttribute, never as markup.
import { layoutTrendChart } from './layout.js';

const SCRIPT = String.raw`
(function () {
  'use strict';
__LAYOUT__
  var data = JSON.parse(document.getElementById('trend-data').textContent);
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var seriesSelect = document.getElementById('series');
  var metricSelect = document.getElementById('metric');
  var chart = document.getElementById('chart');
  var status = document.getElementById('status');

  function toDom(node) {
    var element = document.createElementNS(SVG_NS, node.tag);
    Object.keys(node.attrs).forEach(function (name) {
      if (name !== 'xmlns') element.setAttribute(name, String(node.attrs[name]));
    });
    if (node.text !== undefined) element.appendChild(document.createTextNode(node.text));
    (node.children || []).forEach(function (child) {
      element.appendChild(toDom(child));
    });
    return element;
  }

  function option(select, value, text) {
    var element = document.createElement('option');
    element.value = String(value);
    element.textContent = text;
    select.appendChild(element);
  }

  data.series.forEach(function (series, i) {
    option(seriesSelect, i, (series.events > 0 ? '\u25cf ' : '') + series.name);
  });

  function fillMetrics(seriesIndex, metricIndex) {
    metricSelect.textContent = '';
    data.series[seriesIndex].metrics.forEach(function (metric, i) {
      option(metricSelect, i, metric.title + (metric.steps > 0 ? ' \u25cf' : ''));
    });
    metricSelect.value = String(metricIndex);
  }

  function draw() {
    var series = data.series[Number(seriesSelect.value)];
    var metric = series.metrics[Number(metricSelect.value)];
    var width = Math.max(640, Math.min(1600, chart.clientWidth || data.width));
    chart.replaceChildren(toDom(layoutTrendChart(metric.model, width, data.height)));
    var parts = [];
    if (series.changePoints > 0) parts.push(series.changePoints + (series.changePoints === 1 ? ' change point' : ' change points'));
    if (series.appearances > 0) parts.push(series.appearances === 1 ? 'came or went once' : 'came or went ' + series.appearances + ' times');
    status.textContent = parts.length === 0 ? 'no change point' : parts.join(', ');
  }

  function select(seriesIndex, metricIndex) {
    seriesSelect.value = String(seriesIndex);
    fillMetrics(seriesIndex, metricIndex);
    draw();
  }

  seriesSelect.addEventListener('change', function () {
    var i = Number(seriesSelect.value);
    select(i, data.series[i].lead);
  });
  metricSelect.addEventListener('change', draw);

  var body = document.querySelector('#steps tbody');
  data.events.forEach(function (event) {
    var row = document.createElement('tr');
    [event.at, event.after, event.name, event.change, event.suspects].forEach(function (text, k) {
      var cell = document.createElement('td');
      if (k === 2) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = text;
        button.addEventListener('click', function () {
          select(event.series, event.metric);
          chart.scrollIntoView({ block: 'nearest' });
        });
        cell.appendChild(button);
      } else cell.textContent = text;
      row.appendChild(cell);
    });
    body.appendChild(row);
  });
  if (data.events.length === 0) document.getElementById('steps-section').hidden = true;

  var resizing = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(draw, 150);
  });
  select(data.initial.series, data.initial.metric);
})();
`;

/**
 * layoutTrendChart as script text defining it. A transpiler that keeps function names
 * (esbuild's keepNames, as tsx and some test runners use) wraps inner functions in a
 * `__name(fn, "name")` helper defined elsewhere in its module: a stand-in is defined first.
 */
export function layoutScript(): string {
  return `  var __name = function (target) { return target; };\n  var layoutTrendChart = (${layoutTrendChart.toString()});`;
}

export function trendPageScript(): string {
  return SCRIPT.replace('__LAYOUT__', layoutScript);
}
