// `ghcprof heap FILE`: heap bands ranked by peak and by area, from .hp or eventlog samples, as
// a table or a chart; without -o or --format, the chart page beside the input.
import { Command, Option } from 'commander';
import { rankHeapBands, summariseHeapSeries, type HeapRanking } from '../../analyze/heap-bands.js';
import { readHeapSeries } from '../../formats/read-heap-series.js';
import { renderHeapChart, renderHeapChartHtml } from '../../render/heap-chart.js';
import { heapReportJson, renderHeapReport } from '../../render/heap-report.js';
import { positiveInteger } from '../options.js';
import { writeOutput } from '../output.js';
import { outputKind, type OutputEndings } from '../output-kind.js';
import { readInput } from '../../runs/read-input.js';
import { runAction } from '../run-command.js';
import { printWarnings } from '../warnings.js';
import { colourOption, wantsColour, type ColourWhen } from '../colour.js';

const FORMATS = ['text', 'json', 'csv'] as const;

/** A chart from .svg and .html; the table from the rest, in the format the ending names unless --format says. */
const ENDINGS: OutputEndings<'svg' | 'html' | (typeof FORMATS)[number]> = [
  ['.svg', 'svg'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.json', 'json'],
  ['.csv', 'csv'],
];

interface HeapOptions {
  top: number;
  sort: HeapRanking;
  format?: (typeof FORMATS)[number];
  output?: string;
  color: ColourWhen;
}

export function heapCommand(): Command {
  return new Command('heap')
    .description('heap bands over time from a .hp file or an eventlog, ranked by peak or by area')
    .argument('<file>', 'a heap profile (.hp) or eventlog, .gz, or - for stdin')
    .option('--top <n>', 'bands to show (0 = all)', positiveInteger, 20)
    .addOption(new Option('--sort <ranking>', 'rank bands by their peak or by bytes held over time').choices(['peak', 'area']).default('peak'))
    .addOption(new Option('--format <format>', 'output format (default: from -o: .svg and .html draw a chart, else text; without -o, the chart page beside the input)').choices(FORMATS))
    .option('-o, --output <file>', 'write to a file (atomically): .svg or .html draw a stacked area chart; .txt, .json, .csv the table; - the table to stdout (default: <file>.heap.html)')
    .addOption(colourOption())
    .action(
      runAction(async (file: string, options: HeapOptions) => {
        // Without -o or --format: the chart page beside the input, its path printed (stdin has no
        // beside: the table, to stdout).
        const besideInput = options.output === undefined && options.format === undefined && file !== '-';
        const outputPath = besideInput ? `${file}.heap.html` : options.output;
        // Checked before the input is read: a wrong name is a usage mistake, found at once.
        const named = outputKind(outputPath, ENDINGS);
        const series = await readInput(file, readHeapSeries);
        printWarnings(series.warnings);
        const chart = named === 'svg' || named === 'html' ? named : null;
        if (chart !== null && options.format === undefined) {
          await writeOutput(outputPath, async (write) => {
            const chartOptions = { top: options.top > 0 ? options.top : series.bands.length };
            await write(chart === 'svg' ? renderHeapChart(series, chartOptions).svg : renderHeapChartHtml(series, chartOptions));
          });
          if (besideInput) process.stdout.write(`${outputPath}\n`);
          return;
        }
        const format = options.format ?? (named === 'text' || named === 'json' || named === 'csv' ? named : 'text');
        const summary = summariseHeapSeries(series);
        const ranked = rankHeapBands(summary.bands, options.sort);
        const content = { series, summary, ranking: options.sort, bands: options.top > 0 ? ranked.slice(0, options.top) : ranked };
        await writeOutput(options.output, async (write) => {
          await write(format === 'json' ? `${JSON.stringify(heapReportJson(content), null, 2)}\n` : renderHeapReport(content, format, { colour: wantsColour(options.color, options.output) }));
        });
      }),
    );
}
