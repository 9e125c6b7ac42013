// The library's public face, free of Node: it runs in a browser bundle as well as in Node.
// Inputs are bytes, a Blob, a (web or Node) stream or any iterable of byte chunks; gzip is
// unwrapped with `DecompressionStream` where the platform has one (or a `gunzip` you pass).
// In Node, `import 'ghcprof'` selects ./node.ts instead (the `exports` map's "node"
// condition), which adds paths and zlib on top of everything here.
//
// A curated API: what the CLI's commands are made of (read, analyse, render), each under a
// name meant to stay; internals are not re-exported wholesale.
import type { StackKeeping } from './formats/prof-text/prof-text-builder.js';
import { compareBuilds as compareAggregates, type CompareOptions, type Comparison } from './analyze/compare.js';
import type { EventlogSummary } from './analyze/eventlog-summary.js';
import { RunAggregator } from './analyze/aggregate.js';
import { costCentreTotals, type Grouping } from './analyze/cost-centre-totals.js';
import { rankTotals } from './analyze/ranking.js';
import { runRecordOf } from './analyze/run-record.js';
import { treeView, type TreeViewOptions } from './analyze/tree-view.js';
import { bottomUpView, type BottomUpViewOptions } from './analyze/bottom-up.js';
import type { ByteChunks } from './formats/common/byte-chunks.js';
import { GZIP_MAGIC_BYTES, isGzip } from './formats/common/gzip.js';
import { peekChunks } from './formats/common/peek.js';
import type { SampleWindow } from './formats/eventlog/index.js';
import { readHeapSeries as readHeapSeriesChunks } from './formats/read-heap-series.js';
import { readProfile as readProfileChunks } from './formats/read-profile.js';
import type { CallTreeNode } from './model/call-tree.js';
import { InputError, type InputWarning } from './model/diagnostic.js';
import type { HeapSeries } from './model/heap-series.js';
import { DEFAULT_METRICS, type AmountMetric, type MetricName } from './model/metric.js';
import type { Profile } from './model/profile.js';
import { foldedStacks } from './render/folded.js';
import { summariseEventlogChunks } from './summarise-eventlog.js';
import type { ReportContent } from './render/report.js';

// ---------------------------------------------------------------------------------------
// Reading

/** A web `ReadableStream` of bytes, or anything else with a default reader. */
export interface ByteStream {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

/** A `Blob` or `File` (from `<input type="file">`, `fetch(...).blob()`, `fs.openAsBlob`). */
export interface BlobLike {
  stream(): ByteStream | AsyncIterable<Uint8Array>;
}

/**
 * What the readers take anywhere: the whole input as bytes, a Blob, or its bytes in chunks of
 * any size (a web `ReadableStream`, a Node `Readable` opened without an encoding, an async
 * generator, an array of chunks). In Node, `ghcprof` also takes a path (see `NodeInput`).
 */
export type ByteInput = Uint8Array | ArrayBuffer | BlobLike | ByteStream | ByteChunks;

/**
 * Decompresses a gzip stream. Throw on damaged data: the reader keeps what inflated before
 * the damage and adds a warning (a cut-off `.gz` still holds a useful profile).
 */
export type Gunzip = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

export interface ReadOptions {
  /** The input's name in messages and in the result's `source`; default `<input>` (in Node, a path names itself). */
  source?: string;
  /** How to inflate gzip input; default: the platform's `DecompressionStream` (zlib in Node). */
  gunzip?: Gunzip;
}

export interface ReadProfileOptions extends ReadOptions {
  /** Eventlogs only: keep the samples between two user markers (matched by prefix). */
  window?: SampleWindow;
  /**
   * Text reports only: `merged` keeps one node per distinct stack, where sums are all that is
   * wanted (folded stacks, per-cost-centre totals): memory then follows the stacks, not the rows.
   * Default `every-row`, the tree as written.
   */
  stacks?: StackKeeping;
}

const DEFAULT_SOURCE = '<input>';

/**
 * A time and allocation profile from any input GHC writes for one: `.prof` text (`-p`, `-P`,
 * `-pa`), `.prof` JSON (`-pj`) or an eventlog's time samples (`-l -p`), chosen by content,
 * gzipped or not. The RTS's system cost centres (GC, ...) are in `profile.system`, apart from
 * the tree. Throws `InputError` for input that is none of these.
 */
export function readProfile(input: ByteInput, options: ReadProfileOptions = {}): Promise<Profile> {
  return readInput('readProfile', input, options, (chunks, source) => readProfileChunks(chunks, source, { window: options.window ?? {}, stacks: options.stacks }));
}

/** Heap usage over time from a heap profile (`.hp`, `+RTS -h*`) or an eventlog's heap samples. */
export function readHeapSeries(input: ByteInput, options: ReadOptions = {}): Promise<HeapSeries> {
  return readInput('readHeapSeries', input, options, readHeapSeriesChunks);
}

/** An eventlog's summary: run, GC pauses and productivity, heap, threads, markers, profiling samples. */
export function summariseEventlog(input: ByteInput, options: ReadOptions = {}): Promise<EventlogSummary> {
  return readInput('summariseEventlog', input, options, summariseEventlogChunks);
}

async function readInput<T extends { warnings: InputWarning[] }>(
  reader: string,
  input: ByteInput,
  options: ReadOptions,
  read: (chunks: ByteChunks, source: string) => Promise<T>,
): Promise<T> {
  if (typeof input === 'string') {
    throw new TypeError(
      `${reader}: got a string; this entry of ghcprof runs anywhere and takes bytes or a stream, not a path (in Node, \`import 'ghcprof'\` reads paths)`,
    );
  }
  const source = options.source ?? DEFAULT_SOURCE;
  const warnings: InputWarning[] = [];
  const chunks = await unwrapGzip(byteChunks(input), source, options.gunzip, warnings);
  const result = await read(chunks, source);
  result.warnings.unshift(...warnings);
  return result;
}

function byteChunks(input: ByteInput): ByteChunks {
  if (input instanceof Uint8Array) return [input];
  if (input instanceof ArrayBuffer) return [new Uint8Array(input)];
  if (typeof input !== 'object' || input === null) throw new TypeError(`ghcprof: expected bytes, a Blob or a stream of bytes, got ${typeof input}`);
  if (Symbol.asyncIterator in input) return checkedChunks(input);
  if ('getReader' in input && typeof input.getReader === 'function') return checkedChunks(streamChunks(input));
  if ('stream' in input && typeof input.stream === 'function') return byteChunks(input.stream());
  if (Symbol.iterator in input) return checkedChunks(input);
  throw new TypeError('ghcprof: expected bytes, a Blob or a stream of bytes');
}

/** A web stream's chunks, for platforms whose ReadableStream is not async-iterable. */
async function* streamChunks(stream: ByteStream): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value !== undefined) yield value;
    }
    finished = true;
  } finally {
    if (finished) reader.releaseLock();
    else await reader.cancel().catch(() => undefined);
  }
}

/** The readers take bytes: other views are viewed as bytes, strings refused with a hint. */
async function* checkedChunks(chunks: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (ArrayBuffer.isView(chunk)) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (chunk instanceof ArrayBuffer) yield new Uint8Array(chunk);
    else if (typeof chunk === 'string') throw new TypeError('ghcprof: a stream gave text, not bytes; open it without an encoding');
    else throw new TypeError(`ghcprof: a stream gave ${typeof chunk}, not bytes (Uint8Array)`);
  }
}

async function unwrapGzip(chunks: ByteChunks, source: string, gunzip: Gunzip | undefined, warnings: InputWarning[]): Promise<ByteChunks> {
  const peeked = await peekChunks(chunks, GZIP_MAGIC_BYTES);
  if (!isGzip(peeked.head)) return peeked.chunks;
  const inflate = gunzip ?? platformGunzip();
  if (inflate === null) {
    throw new InputError(
      { source, byteOffset: 0 },
      'gzip-compressed, and this platform has no DecompressionStream: decompress it first, or pass a `gunzip` option',
    );
  }
  return inflated(peeked.chunks, inflate, source, warnings);
}

async function* inflated(compressed: AsyncIterable<Uint8Array>, gunzip: Gunzip, source: string, warnings: InputWarning[]): AsyncGenerator<Uint8Array> {
  // Failures of the input itself pass through; failures to inflate become a warning.
  let sourceFailure: { error: unknown } | null = null;
  async function* watched(): AsyncGenerator<Uint8Array> {
    try {
      yield* compressed;
    } catch (error) {
      sourceFailure = { error };
      throw error;
    }
  }
  let produced = 0;
  try {
    for await (const chunk of gunzip(watched())) {
      produced += chunk.length;
      yield chunk;
    }
  } catch (error) {
    if (sourceFailure !== null) throw (sourceFailure as { error: unknown }).error;
    if (error instanceof InputError) throw error;
    warnings.push({
      location: { source, byteOffset: produced },
      message: `gzip stream is damaged or truncated (${error instanceof Error ? error.message : String(error)}); read ${produced} uncompressed bytes`,
    });
  }
}

interface DecompressionStreamLike {
  readable: ByteStream;
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
}
type DecompressionStreamConstructor = new (format: 'gzip') => DecompressionStreamLike;

function platformGunzip(): Gunzip | null {
  const Decompression = (globalThis as { DecompressionStream?: DecompressionStreamConstructor }).DecompressionStream;
  if (Decompression === undefined) return null;
  return async function* (compressed) {
    const stream = new Decompression('gzip');
    const writer = stream.writable.getWriter();
    // Writes wait for reads (backpressure), so the input is fed while the output is read.
    void (async () => {
      try {
        for await (const chunk of compressed) await writer.write(chunk);
        await writer.close();
      } catch (error) {
        await writer.abort(error).catch(() => undefined);
      }
    })();
    yield* streamChunks(stream.readable);
  };
}

// ---------------------------------------------------------------------------------------
// Analysing

export { runRecordOf, type RunOrigin } from './analyze/run-record.js';

/** Runs of one build pooled: per cost centre, module and stack, each metric's value in every run. */
export function aggregateProfiles(profiles: readonly Profile[]): RunAggregator {
  const aggregator = new RunAggregator(profiles.length);
  for (const profile of profiles) aggregator.addRun(profile, runRecordOf(profile));
  return aggregator;
}

/**
 * Two builds compared as `ghcprof compare` does: run totals and matched rows, each side's
 * median and confidence interval, Mann–Whitney p-values corrected for multiple tests.
 * Defaults: per cost centre; time, alloc and entries where both sides record them;
 * alpha 0.05; Holm's correction; rows under 0.5% of time and alloc on both sides untested.
 */
export function compareBuilds(base: RunAggregator, next: RunAggregator, options: Partial<CompareOptions> = {}): Comparison {
  const metrics = options.metrics ?? DEFAULT_METRICS.filter((name) => base.unavailableReason(name) === null && next.unavailableReason(name) === null);
  return compareAggregates(base, next, {
    grouping: options.grouping ?? 'cost-centre',
    metrics,
    alpha: options.alpha ?? 0.05,
    correction: options.correction ?? 'holm',
    minPct: options.minPct ?? 0.5,
  });
}

export interface ReportOptions {
  /** Group costs by cost centre (default), module or source file. */
  by?: Grouping;
  /** Rank by (default `time`). */
  sort?: AmountMetric;
  /** Rows kept (default 20; 0 = all). */
  top?: number;
  /** Also the call tree, pruned by depth and share (as `report --tree --depth --min`). */
  tree?: Partial<TreeViewOptions> | boolean;
  /** Also each top cost centre over its callers, pruned by depth and share (as `report --bottom-up --depth --min`). */
  bottomUp?: Partial<Pick<BottomUpViewOptions, 'maxDepth' | 'minPct'>> | boolean;
}

/** What `ghcprof report` shows of a profile, for `renderReport` and `reportJson`. */
export function reportContent(profile: Profile, options: ReportOptions = {}): ReportContent {
  const grouping = options.by ?? 'cost-centre';
  const sort = options.sort ?? 'time';
  const top = options.top ?? 20;
  const ranked = rankTotals(costCentreTotals(profile, grouping), sort);
  const tree = options.tree === undefined || options.tree === false ? null : options.tree === true ? {} : options.tree;
  const bottomUp = options.bottomUp === undefined || options.bottomUp === false ? null : options.bottomUp === true ? {} : options.bottomUp;
  return {
    profile,
    grouping,
    sort,
    totals: top > 0 ? ranked.slice(0, top) : ranked,
    totalRows: ranked.length,
    tree: tree === null ? null : treeView(profile, { maxDepth: tree.maxDepth ?? Number.MAX_SAFE_INTEGER, minPct: tree.minPct ?? 0 }),
    bottomUp: bottomUp === null ? null : bottomUpView(profile, { top, sort, maxDepth: bottomUp.maxDepth ?? Number.MAX_SAFE_INTEGER, minPct: bottomUp.minPct ?? 0 }),
  };
}

/** Folded stacks (`Module.label;... weight` per line, root first), for flamegraph.pl, inferno, speedscope. */
export function renderFolded(profile: Pick<Profile, 'root' | 'tree'> | CallTreeNode, metric: MetricName = 'time'): string {
  const tree = 'costCentre' in profile ? profile : (profile.tree ?? profile.root);
  return tree === null ? '' : [...foldedStacks(tree, metric)].join('');
}

// ---------------------------------------------------------------------------------------
// The rest of the public API, as the CLI uses it.

// The model.
export type { CallTreeNode, PrintedPercentages } from './model/call-tree.js';
export { walkCallTree } from './model/call-tree.js';
export type { CostCentre } from './model/cost-centre.js';
export { costCentreKey, qualifiedName } from './model/cost-centre.js';
export type { InputWarning, SourceLocation } from './model/diagnostic.js';
export { InputError, formatLocation, formatWarning } from './model/diagnostic.js';
export type { HeapMarker, HeapSample, HeapSeries } from './model/heap-series.js';
export type { AmountMetric, MetricDefinition, MetricName, MetricUnit, Quantity } from './model/metric.js';
export { AMOUNT_METRICS, DEFAULT_METRICS, METRIC_NAMES, METRICS, metricUnavailableReason } from './model/metric.js';
export type { RunStatistic, WorseDirection } from './model/run-statistic.js';
export { PROGRAM_TOTALS, RTS_STATISTICS, runStatistic } from './model/run-statistic.js';
export type { Measures, PrintedFlatRow, Profile, Provenance, RunMetadata, SourceFormat, SystemCentreCost, SystemCosts } from './model/profile.js';
export type { ProfileKind } from './model/profile-kind.js';
export { profileKind } from './model/profile-kind.js';
export type { RunRecord } from './model/run-record.js';
export type { ManifestEntry, RunDirectoryInfo, RunMeta } from './model/run-meta.js';

// Reading, beyond readProfile / readHeapSeries / summariseEventlog above.
export type { InputKind } from './formats/detect.js';
export { detectInputKind } from './formats/detect.js';
export type { SampleWindow } from './formats/eventlog/index.js';
export type { EventlogSummary } from './analyze/eventlog-summary.js';
export type { RtsStats } from './formats/rts-stats/rts-stats.js';
export { parseRtsStats } from './formats/rts-stats/rts-stats.js';
export { parseRunMeta } from './formats/profnix-meta/profnix-meta.js';

// One profile: cost-centre totals, ranking, the call tree.
export type { CostCentreTotals, Grouping } from './analyze/cost-centre-totals.js';
export { GROUPINGS, costCentreTotals, profileTotals } from './analyze/cost-centre-totals.js';
export { rankTotals } from './analyze/ranking.js';
export type { TreeViewOptions, TreeViewRow } from './analyze/tree-view.js';
export { treeView } from './analyze/tree-view.js';
export { bottomUpCallTree, bottomUpView } from './analyze/bottom-up.js';
export type { BottomUpRow, BottomUpViewOptions } from './analyze/bottom-up.js';

// Heap series.
export type { HeapBandSummary, HeapRanking, HeapSeriesSummary } from './analyze/heap-bands.js';
export { rankHeapBands, summariseHeapSeries } from './analyze/heap-bands.js';

// Runs of one build, and two builds compared.
export type { AggregateRow, AggregateStackNode } from './analyze/aggregate.js';
export { RunAggregator } from './analyze/aggregate.js';
export type { AggregatedRow, RunMetricSummary, RunOutlier } from './analyze/aggregate-summary.js';
export { availableMetrics, findRunOutliers, summariseRows, summariseRunMetrics } from './analyze/aggregate-summary.js';
export type { SampleSummary } from './analyze/sample-statistics.js';
export { meanProfile } from './analyze/mean-profile.js';
export type { CompareGrouping, CompareOptions, CompareRow, CompareTotal, ComparedFigure, Comparison, OneSidedRow, SideSummary } from './analyze/compare.js';
export { significantRegressions } from './analyze/compare.js';
export type { ManifestChange } from './analyze/manifest-diff.js';
export { manifestDiff } from './analyze/manifest-diff.js';
export type { PValueAdjustment } from './analyze/multiple-comparisons.js';

// Rendering.
export type { TableFormat } from './render/table.js';
export type { ReportContent } from './render/report.js';
export { renderReport, reportJson } from './render/report.js';
export type { ProfileHeaderJson } from './render/profile-header.js';
export { profileHeaderJson, profileHeaderText } from './render/profile-header.js';
export type { ReportPage } from './render/report-html.js';
export { renderReportHtml } from './render/report-html.js';
export { foldedStacks } from './render/folded.js';
export type { FlameData, FlameDataOptions, FlameDelta, FlameFrame, FlameMetric } from './render/flame-data.js';
export { drawableMetrics, flameDataFromProfile } from './render/flame-data.js';
export { withDeltas } from './render/diff-flame-data.js';
export type { FlamegraphSvgOptions } from './render/flamegraph-svg.js';
export { renderFlamegraphSvg } from './render/flamegraph-svg.js';
export type { FlamegraphHtmlOptions } from './render/html/flamegraph-html.js';
export { renderFlamegraphHtml } from './render/html/flamegraph-html.js';
export type { SpeedscopeFile, SpeedscopeFrame, SpeedscopeRun, SpeedscopeSampledProfile } from './render/speedscope.js';
export { toSpeedscope } from './render/speedscope.js';
export type { HeapChart, HeapChartOptions } from './render/heap-chart.js';
export { renderHeapChart, renderHeapChartHtml } from './render/heap-chart.js';
export type { HeapReportContent } from './render/heap-report.js';
export { heapReportJson, renderHeapReport } from './render/heap-report.js';
export { renderEventlogSummary } from './render/eventlog-summary.js';
export type { AggregateReportContent } from './render/aggregate-report.js';
export { aggregateJson, renderAggregateReport } from './render/aggregate-report.js';
export type { CompareReportContent, CompareSideInfo } from './render/compare-report.js';
export { compareJson, renderCompareReport } from './render/compare-report.js';
