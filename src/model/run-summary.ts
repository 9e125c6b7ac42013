// One run as a small JSON file (`RUN.summary.json`, written by `ghcprof summarize`): what
// `aggregate`, `compare`, `timeline` and the store need of a profile, so that parsing can run
// where the profiles were written and only summaries travel. Per cost centre and per module
// the individual and inherited costs (no call tree, so no stacks), the run's record and its
// run directory's meta. Versioned: `"ghcprofSummary": 1`.
import { InputError } from './diagnostic.js';
import { lineOfJsonPath, parseJsonInput } from './json-input.js';
import type { Measures, Provenance, SourceFormat } from './profile.js';
import type { RunRecord } from './run-record.js';
import type { ManifestEntry, RunMeta } from './run-meta.js';

export const SUMMARY_VERSION = 1;
export const SUMMARY_SUFFIX = '.summary.json';

/** A cost centre's costs summed over its call sites (costCentreTotals 'cost-centre'). */
export interface CostCentreSummary {
  module: string;
  label: string;
  src: string | null;
  callSites: number;
  ticks: number;
  bytes: number;
  entries: number;
  /** Each call path counted once under recursion. */
  inheritedTicks: number;
  inheritedBytes: number;
}

/**
 * A module's costs (costCentreTotals 'module'), kept rather than summed from the centres:
 * the inherited costs of a module differ from the sum of its centres' under recursion
 * (a module's centres calling each other), and summing estimates in another order
 * could change the last bit.
 */
export type ModuleSummary = Omit<CostCentreSummary, 'label' | 'src'>;

/** The run directory (`run/<tag>`) a run belongs to, with its meta.json and `timing.start`. */
export interface SummaryRunDirectory {
  path: string;
  meta: RunMeta;
  /** meta.json's `.meta.timing.start` as written (`2026-11-30-10-00`), or null. */
  start: string | null;
}

/** The profile's header as read (RunMetadata less what the record already holds). */
export interface SummaryHeader {
  timestamp: string | null;
  totalTimeSecs: number | null;
  /** As in the file: before the system cost centres are taken out (see `programTotals`). */
  totalTicks: number | null;
  totalAllocBytes: number | null;
  tickIntervalUs: number | null;
  processors: number | null;
  commandLine: string[];
  rtsArguments: string[];
}

export interface RunSummary {
  ghcprofSummary: typeof SUMMARY_VERSION;
  /** sha256 (hex) of the profile's bytes, decompressed: one run is stored once. */
  sha256: string;
  record: RunRecord;
  header: SummaryHeader;
  /** The denominators of shares (profileTotals): program ticks and bytes. */
  programTotals: { ticks: number; bytes: number };
  runDirectory: SummaryRunDirectory | null;
  /** The profile's read warnings, formatted. */
  warnings: string[];
  /** In the order of their first call site in the tree (the order addRun meets them). */
  costCentres: CostCentreSummary[];
  modules: ModuleSummary[];
}

export function isSummaryPath(path: string): boolean {
  return path.endsWith(SUMMARY_SUFFIX);
}

/** The JSON text: small and diffable, one cost centre or module a line. */
export function serializeRunSummary(summary: RunSummary): string {
  const { costCentres, modules, ...rest } = summary;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const list = (items: readonly object[]): string => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
  return `${head},\n  "costCentres": ${list(costCentres)},\n  "modules": ${list(modules)}\n}\n`;
}

/** Checks a value read from JSON against the shape of RunSummary, naming the first field that does not fit. */
class Reader {
  constructor(
    private readonly source: string,
    private readonly text: string,
  ) {}

  fail(path: string, expected: string): never {
    throw new InputError({ source: this.source, line: lineOfJsonPath(this.text, path) }, `not a ghcprof run summary: ${path}: expected ${expected}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array');
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a number');
    return value;
  }

  numberOrNull(value: unknown, path: string): number | null {
    return value === null ? null : this.number(value, path);
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string');
    return value;
  }

  stringOrNull(value: unknown, path: string): string | null {
    return value === null || value === undefined ? null : this.string(value, path);
  }

  strings(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (!(allowed as readonly unknown[]).includes(value)) this.fail(path, `one of ${allowed.join(', ')}`);
    return value as T;
  }
}

const PROVENANCES: readonly Provenance[] = ['exact', 'approximate', 'absent'];
const FORMATS: readonly SourceFormat[] = ['prof-text', 'prof-json', 'eventlog', 'aggregate'];

function readMeasures(r: Reader, value: unknown): Measures {
  const o = r.object(value, 'record.measures');
  return {
    ticks: r.oneOf(o['ticks'], PROVENANCES, 'record.measures.ticks'),
    bytes: r.oneOf(o['bytes'], PROVENANCES, 'record.measures.bytes'),
    entries: r.oneOf(o['entries'], PROVENANCES, 'record.measures.entries'),
    percentages: r.oneOf(o['percentages'], ['printed', 'derived'] as const, 'record.measures.percentages'),
  };
}

function readRecord(r: Reader, value: unknown): RunRecord {
  const o = r.object(value, 'record');
  const totals = r.object(o['totals'], 'record.totals');
  const total = (key: string): number | null => r.numberOrNull(totals[key], `record.totals.${key}`);
  const stats: Record<string, number> = {};
  for (const [key, figure] of Object.entries(r.object(o['stats'], 'record.stats'))) stats[key] = r.number(figure, `record.stats.${key}`);
  return {
    source: r.string(o['source'], 'record.source'),
    runDirectory: r.stringOrNull(o['runDirectory'], 'record.runDirectory'),
    node: r.stringOrNull(o['node'], 'record.node'),
    format: r.oneOf(o['format'], FORMATS, 'record.format'),
    formatDetail: r.string(o['formatDetail'], 'record.formatDetail'),
    program: r.stringOrNull(o['program'], 'record.program'),
    measures: readMeasures(r, o['measures']),
    totals: {
      timeSecs: total('timeSecs'),
      ticks: total('ticks'),
      allocBytes: total('allocBytes'),
      secondsPerTick: total('secondsPerTick'),
      systemTicks: total('systemTicks'),
      systemBytes: total('systemBytes'),
    },
    stats,
  };
}

function readMeta(r: Reader, value: unknown): RunMeta {
  const o = r.object(value, 'runDirectory.meta');
  const manifest: Record<string, ManifestEntry> = {};
  for (const [key, entry] of Object.entries(r.object(o['manifest'], 'runDirectory.meta.manifest'))) {
    const e = r.object(entry, `runDirectory.meta.manifest.${key}`);
    const at = (field: string): string => `runDirectory.meta.manifest.${key}.${field}`;
    manifest[key] = {
      name: r.string(e['name'], at('name')),
      version: r.stringOrNull(e['version'], at('version')),
      commit: r.stringOrNull(e['commit'], at('commit')),
      ...('branch' in e ? { branch: r.stringOrNull(e['branch'], at('branch')) } : {}),
      ...('status' in e ? { status: r.stringOrNull(e['status'], at('status')) } : {}),
    };
  }
  return {
    tag: r.stringOrNull(o['tag'], 'runDirectory.meta.tag'),
    batch: r.stringOrNull(o['batch'], 'runDirectory.meta.batch'),
    profile: r.stringOrNull(o['profile'], 'runDirectory.meta.profile'),
    ghcVersion: r.stringOrNull(o['ghcVersion'], 'runDirectory.meta.ghcVersion'),
    manifest,
  };
}

function readCosts(r: Reader, o: Record<string, unknown>, path: string): Omit<CostCentreSummary, 'module' | 'label' | 'src'> {
  return {
    callSites: r.number(o['callSites'], `${path}.callSites`),
    ticks: r.number(o['ticks'], `${path}.ticks`),
    bytes: r.number(o['bytes'], `${path}.bytes`),
    entries: r.number(o['entries'], `${path}.entries`),
    inheritedTicks: r.number(o['inheritedTicks'], `${path}.inheritedTicks`),
    inheritedBytes: r.number(o['inheritedBytes'], `${path}.inheritedBytes`),
  };
}

/** A summary from its JSON text; an InputError names what does not fit. */
export function parseRunSummary(json: string, source: string): RunSummary {
  const parsed = parseJsonInput(json, source);
  const r: Reader = new Reader(source, json);
  const o = r.object(parsed, 'the file');
  const version = o['ghcprofSummary'];
  if (typeof version !== 'number') r.fail('ghcprofSummary', `the format version (${SUMMARY_VERSION})`);
  if (version !== SUMMARY_VERSION) {
    throw new InputError({ source, line: lineOfJsonPath(json, 'ghcprofSummary') }, `run summary format ${version} is not known to this ghcprof (it reads format ${SUMMARY_VERSION})${version > SUMMARY_VERSION ? '; upgrade ghcprof' : ''}`);
  }
  const sha256 = r.string(o['sha256'], 'sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) r.fail('sha256', '64 hexadecimal digits');
  const header = r.object(o['header'], 'header');
  const totals = r.object(o['programTotals'], 'programTotals');
  const directory = o['runDirectory'] === null ? null : r.object(o['runDirectory'], 'runDirectory');
  return {
    ghcprofSummary: SUMMARY_VERSION,
    sha256,
    record: readRecord(r, o['record']),
    header: {
      timestamp: r.stringOrNull(header['timestamp'], 'header.timestamp'),
      totalTimeSecs: r.numberOrNull(header['totalTimeSecs'], 'header.totalTimeSecs'),
      totalTicks: r.numberOrNull(header['totalTicks'], 'header.totalTicks'),
      totalAllocBytes: r.numberOrNull(header['totalAllocBytes'], 'header.totalAllocBytes'),
      tickIntervalUs: r.numberOrNull(header['tickIntervalUs'], 'header.tickIntervalUs'),
      processors: r.numberOrNull(header['processors'], 'header.processors'),
      commandLine: r.strings(header['commandLine'], 'header.commandLine'),
      rtsArguments: r.strings(header['rtsArguments'], 'header.rtsArguments'),
    },
    programTotals: { ticks: r.number(totals['ticks'], 'programTotals.ticks'), bytes: r.number(totals['bytes'], 'programTotals.bytes') },
    runDirectory:
      directory === null
        ? null
        : { path: r.string(directory['path'], 'runDirectory.path'), meta: readMeta(r, directory['meta']), start: r.stringOrNull(directory['start'], 'runDirectory.start') },
    warnings: r.strings(o['warnings'], 'warnings'),
    costCentres: r.array(o['costCentres'], 'costCentres').map((item, i) => {
      const c = r.object(item, `costCentres[${i}]`);
      return {
        module: r.string(c['module'], `costCentres[${i}].module`),
        label: r.string(c['label'], `costCentres[${i}].label`),
        src: r.stringOrNull(c['src'], `costCentres[${i}].src`),
        ...readCosts(r, c, `costCentres[${i}]`),
      };
    }),
    modules: r.array(o['modules'], 'modules').map((item, i) => {
      const m = r.object(item, `modules[${i}]`);
      return { module: r.string(m['module'], `modules[${i}].module`), ...readCosts(r, m, `modules[${i}]`) };
    }),
  };
}
