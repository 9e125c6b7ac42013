// The worker thread the in-process parsers run in (started by watched-worker.ts with tsx's
// loader), so a parser that never returns can be stopped: `worker.terminate()` ends even a
// synchronous loop. It parses through the built library (dist/, `npm run build` first), as a
// user's program would, renders what it read as the CLI would, and posts back what happened
// as plain data; the main thread classifies it (classify.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { READY, type ParseOutcome, type ParseRequest, type ParseResponse, type Phase } from './parse-protocol.js';
import type { ParserTarget } from './targets.js';
import { projectRoot } from './seeds.js';

type Library = typeof import('../../src/node.js');
type EventlogModule = typeof import('../../src/formats/eventlog/index.js');
type EventsTextModule = typeof import('../../src/render/events-text/index.js');
type RunSummaryModule = typeof import('../../src/model/run-summary.js');

const dist = (path: string): Promise<unknown> => import(pathToFileURL(join(projectRoot, 'dist', path)).href);

const library = (await dist('src/node.js')) as Library;
const eventlog = (await dist('src/formats/eventlog/index.js')) as EventlogModule;
const eventsText = (await dist('src/render/events-text/index.js')) as EventsTextModule;
const runSummary = (await dist('src/model/run-summary.js')) as RunSummaryModule;

interface Parsed {
  warnings: ReadonlyArray<{ location: { source: string; line?: number; byteOffset?: number }; message: string }>;
  empty: boolean;
  /** Renders the result; throws what a renderer throws. */
  render(): void;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const TABLE_FORMATS = ['text', 'csv', 'markdown'] as const;

/** Each target: its library call, then the output the CLI would make of the result. */
const PARSERS: Record<ParserTarget, (bytes: Uint8Array, source: string, variant: number) => Promise<Parsed>> = {
  'read-profile': async (bytes, source, variant) => {
    const profile = await library.readProfile(bytes, { source });
    return {
      warnings: profile.warnings,
      empty: profile.nodeCount === 0 && profile.costCentres.length === 0,
      render: () => {
        const content = library.reportContent(profile, { top: 0, tree: true, by: library.GROUPINGS[variant % library.GROUPINGS.length] });
        library.renderReport(content, TABLE_FORMATS[variant % TABLE_FORMATS.length]!);
        JSON.stringify(library.reportJson(content));
        library.renderFolded(profile, variant % 2 === 0 ? 'time' : 'alloc');
      },
    };
  },
  'read-profile-merged': async (bytes, source, variant) => {
    const profile = await library.readProfile(bytes, { source, stacks: 'merged' });
    return {
      warnings: profile.warnings,
      empty: profile.nodeCount === 0 && profile.costCentres.length === 0,
      render: () => {
        library.renderFolded(profile, 'entries');
        const metrics = library.drawableMetrics(profile);
        if (metrics.length === 0) return;
        const data = library.flameDataFromProfile(profile, { metrics, minWidthPct: variant % 2 === 0 ? 0 : 0.5 });
        library.renderFlamegraphSvg(data, { metric: 0, inverted: variant % 3 === 0 });
      },
    };
  },
  'read-heap-series': async (bytes, source, variant) => {
    const series = await library.readHeapSeries(bytes, { source });
    return {
      warnings: series.warnings,
      empty: series.samples.length === 0,
      render: () => {
        const summary = library.summariseHeapSeries(series);
        const ranking = variant % 2 === 0 ? 'peak' : 'area';
        const content = { series, summary, ranking, bands: library.rankHeapBands(summary.bands, ranking) } as const;
        library.renderHeapReport(content, TABLE_FORMATS[variant % TABLE_FORMATS.length]!);
        JSON.stringify(library.heapReportJson(content));
        library.renderHeapChart(series, { top: 20 });
      },
    };
  },
  'summarise-eventlog': async (bytes, source) => {
    const summary = await library.summariseEventlog(bytes, { source });
    return {
      warnings: summary.warnings,
      empty: summary.events === 0,
      render: () => {
        library.renderEventlogSummary(summary);
        JSON.stringify(summary);
      },
    };
  },
  'print-events': async (bytes, source, variant) => {
    const warnings: Parsed['warnings'][number][] = [];
    const printer = new eventsText.EventsTextPrinter({ write: () => Promise.resolve(true), onWarning: (warning) => warnings.push(warning) });
    // The printer is the renderer here: it prints while the decoder reads.
    const result = await eventlog.readEventlog([bytes], { source, order: variant % 2 === 0 ? 'time' : 'file' }, printer);
    await printer.finish();
    return { warnings, empty: result.eventCount === 0, render: () => undefined };
  },
  'parse-rts-stats': async (bytes, source) => {
    const stats = library.parseRtsStats(text(bytes), source);
    return { warnings: [], empty: stats.values.size === 0, render: () => undefined };
  },
  'parse-run-meta': async (bytes, source) => {
    library.parseRunMeta(text(bytes), source);
    return { warnings: [], empty: false, render: () => undefined };
  },
  'parse-run-summary': async (bytes, source) => {
    runSummary.parseRunSummary(text(bytes), source);
    return { warnings: [], empty: false, render: () => undefined };
  },
};

function failure(error: unknown, phase: Phase): ParseOutcome {
  if (error instanceof library.InputError) {
    const { line, byteOffset, source } = error.location;
    return { kind: 'input-error', phase, message: error.message, line: line ?? null, byteOffset: byteOffset ?? null, source };
  }
  if (error instanceof Error) return { kind: 'exception', phase, name: error.name, message: error.message, stack: error.stack ?? '' };
  return { kind: 'exception', phase, name: typeof error, message: String(error), stack: '' };
}

async function parse(request: ParseRequest): Promise<ParseOutcome> {
  let parsed: Parsed;
  try {
    parsed = await PARSERS[request.target](request.bytes, request.source, request.variant);
  } catch (error) {
    return failure(error, 'parse');
  }
  try {
    parsed.render();
  } catch (error) {
    return failure(error, 'render');
  }
  return { kind: 'ok', warnings: parsed.warnings.map((warning) => library.formatWarning(warning)), empty: parsed.empty };
}

const port = parentPort!;
port.on('message', (request: ParseRequest) => {
  const started = performance.now();
  void parse(request).then((outcome) => port.postMessage({ id: request.id, outcome, elapsedMs: performance.now() - started } satisfies ParseResponse));
});
port.postMessage(READY);
