// The fuzzer's engine: for each target, `count` cases, each made from the run's seed, the
// target's name and the case's number alone (so any one case replays by itself), run and
// classified. Parsers run in one watched worker thread, CLI commands one child process at a
// time: the run uses about one core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../support/seeded-random.js';
import { classifyCli, classifyParse, type CaseFacts, type Classified } from './classify.js';
import { runCliCase } from './cli-case.js';
import { mutate } from './mutators.js';
import { loadSeeds, PROFNIX_RUN_DIRECTORY, projectRoot, type Seed, type SeedKind } from './seeds.js';
import { CLI_COMMANDS, PARSER_TARGET_NAMES, PARSER_TARGETS } from './targets.js';
import { WatchedWorker } from './watched-worker.js';

export interface FuzzOptions {
  seed: number;
  /** Cases per parser target. */
  parserCount: number;
  /** Cases per CLI target (one per seed kind); each runs a child process, so fewer. */
  cliCount: number;
  /** A parse or command taking longer is a hang. */
  timeLimitMs: number;
  /** Size of the `long-line` mutation's line. */
  longLineBytes: number;
  /** Seeds are cut to this size. */
  maxSeedBytes: number;
  /** Stop starting cases after this long (each target gets its share); unlimited when absent. */
  budgetMs?: number;
  /** Only these targets (by name); all when absent. */
  targets?: readonly string[];
  /** Only this case number of each target (a replay). */
  caseIndex?: number;
  /** Where failing inputs are written. */
  outDirectory: string;
  log: (line: string) => void;
}

/** One case as it ran: enough to print it and to replay it. */
export interface CaseRecord {
  target: string;
  index: number;
  seedName: string;
  applied: string[];
  /** The command line, for CLI cases. */
  args?: string[];
  elapsedMs: number;
  classified: Classified;
}

export interface TargetStats {
  target: string;
  planned: number;
  ran: number;
  ok: number;
  cleanErrors: number;
  failures: number;
  suspects: number;
  maxMs: number;
  totalMs: number;
}

/** Cases that went wrong the same way (same target kind, kind of failure and message shape). */
export interface FindingGroup {
  signature: string;
  /** The target, and for the CLI the command (`cli:eventlog events`). */
  targetKind: string;
  verdict: 'failure' | 'suspect';
  kind: string;
  count: number;
  first: CaseRecord;
  /** The first cases' inputs, written to the out folder. */
  savedInputs: string[];
}

export interface FuzzResult {
  stats: TargetStats[];
  findings: FindingGroup[];
  skipped: string[];
  elapsedMs: number;
}

/** FNV-1a of `text`: the seed of one case, from the run's seed, target and case number. */
function caseSeed(runSeed: number, target: string, index: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${runSeed}:${target}:${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

const below = (random: () => number, n: number): number => Math.floor(random() * n);
const pick = <T>(random: () => number, items: readonly T[]): T => items[below(random, items.length)]!;

/** A target's input for one case. */
interface MadeCase {
  seed: Seed;
  bytes: Uint8Array;
  applied: string[];
  gzipped: boolean;
  random: () => number;
}

/** Formats whose end is marked, so that a cut can be noticed: an eventlog (end-of-data event) and JSON. */
const END_MARKED: ReadonlySet<SeedKind> = new Set(['eventlog', 'prof-json', 'run-meta', 'run-summary']);
const TRUNCATIONS: ReadonlySet<string> = new Set(['truncate', 'truncate-at-line', 'tiny']);

/** Kinds whose readers unwrap gzip (the library's byte readers and the CLI's file inputs). */
const GZIP_KINDS: ReadonlySet<SeedKind> = new Set(['prof-text', 'prof-json', 'hp', 'eventlog']);

function makeCase(options: FuzzOptions, seeds: readonly Seed[], target: string, index: number, kinds: readonly SeedKind[], gzipAllowed: boolean): MadeCase {
  const random = seededRandom(caseSeed(options.seed, target, index));
  // Now and then a file of another kind: the wrong file must be a clean error as well.
  const own = seeds.filter((seed) => kinds.includes(seed.kind));
  const seed = pick(random, random() < 0.08 || own.length === 0 ? seeds : own);
  const gzip = gzipAllowed && GZIP_KINDS.has(seed.kind) ? random() : 1;
  // A damaged .gz (mutated after compression) or a gzipped damaged file.
  const gzipFirst = gzip < 0.04;
  const gzipAfter = gzip >= 0.04 && gzip < 0.12;
  let bytes = gzipFirst ? new Uint8Array(gzipSync(seed.bytes)) : seed.bytes;
  const mutated = mutate(bytes, { random, longLineBytes: options.longLineBytes, donor: () => pick(random, seeds).bytes });
  bytes = gzipAfter ? new Uint8Array(gzipSync(mutated.bytes)) : mutated.bytes;
  const applied = [...(gzipFirst ? ['gzip'] : []), ...mutated.applied, ...(gzipAfter ? ['gzip'] : [])];
  return { seed, bytes, applied, gzipped: gzipFirst || gzipAfter, random };
}

function factsOf(made: MadeCase, options: FuzzOptions): CaseFacts {
  return {
    inputBytes: made.bytes.length,
    onlyTruncated: !made.seed.cut && made.applied.every((name) => TRUNCATIONS.has(name) || name === 'gzip') && made.bytes.length < made.seed.bytes.length,
    endIsMarked: END_MARKED.has(made.seed.kind),
    timeLimitMs: options.timeLimitMs,
  };
}

/** A run summary written by the CLI from the profnix run, to fuzz what aggregate reads back. */
function summarySeed(workDirectory: string): Seed | string {
  const directory = join(workDirectory, 'summary-seed');
  mkdirSync(directory, { recursive: true });
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), 'summarize', PROFNIX_RUN_DIRECTORY, '-d', directory], { encoding: 'utf8' });
  const file = readdirSync(directory).find((name) => name.endsWith('node-0.summary.json'));
  if (result.status !== 0 || file === undefined) return `could not write a run summary to fuzz (ghcprof summarize exited ${result.status}): skipping parse-run-summary`;
  return { name: `(ghcprof summarize ${PROFNIX_RUN_DIRECTORY.replace(projectRoot, '')}) ${file}`, kind: 'run-summary', bytes: new Uint8Array(readFileSync(join(directory, file))), cut: false };
}

/** Groups failures and suspects; writes the first inputs of each group to the out folder. */
class Findings {
  readonly groups = new Map<string, FindingGroup>();

  constructor(private readonly outDirectory: string) {}

  add(record: CaseRecord, targetKind: string, bytes: Uint8Array, ending: string): void {
    const { verdict, kind = '', group: shape = '' } = record.classified;
    if (verdict !== 'failure' && verdict !== 'suspect') return;
    const signature = `${verdict} | ${targetKind} | ${kind} | ${shape}`;
    let group = this.groups.get(signature);
    if (group === undefined) {
      group = { signature, targetKind, verdict, kind, count: 0, first: record, savedInputs: [] };
      this.groups.set(signature, group);
    }
    group.count++;
    if (group.savedInputs.length < 3) {
      const path = join(this.outDirectory, `${record.target.replace(/[^\w-]/g, '_')}-case-${record.index}${ending}`);
      writeFileSync(path, bytes);
      group.savedInputs.push(path);
    }
  }
}

function newStats(target: string, planned: number): TargetStats {
  return { target, planned, ran: 0, ok: 0, cleanErrors: 0, failures: 0, suspects: 0, maxMs: 0, totalMs: 0 };
}

function count(stats: TargetStats, record: CaseRecord): void {
  stats.ran++;
  stats.maxMs = Math.max(stats.maxMs, record.elapsedMs);
  stats.totalMs += record.elapsedMs;
  const verdict = record.classified.verdict;
  if (verdict === 'ok') stats.ok++;
  else if (verdict === 'clean-error') stats.cleanErrors++;
  else if (verdict === 'failure') stats.failures++;
  else stats.suspects++;
}

/** Case numbers to run: all of `count`, or the one replayed. */
const caseIndices = (options: FuzzOptions, planned: number): number[] =>
  options.caseIndex === undefined ? Array.from({ length: planned }, (_, i) => i) : [options.caseIndex];

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const workDirectory = mkdtempSync(join(tmpdir(), 'ghcprof-fuzz-work-'));
  mkdirSync(options.outDirectory, { recursive: true });
  const wanted = (target: string): boolean => options.targets === undefined || options.targets.includes(target);
  const skipped: string[] = [];
  const extra: Seed[] = [];
  if (wanted('parse-run-summary') || wanted('cli:run-summary')) {
    const made = summarySeed(workDirectory);
    if (typeof made === 'string') skipped.push(made);
    else extra.push(made);
  }
  const loaded = loadSeeds(options.maxSeedBytes, extra);
  skipped.push(...loaded.skipped);
  for (const line of skipped) options.log(line);
  const seeds = loaded.seeds;
  const kindsPresent = new Set(seeds.map((seed) => seed.kind));

  const parserTargets = PARSER_TARGET_NAMES.filter((target) => wanted(target) && PARSER_TARGETS[target].some((kind) => kindsPresent.has(kind)));
  const cliKinds = (Object.keys(CLI_COMMANDS) as SeedKind[]).filter((kind) => wanted(`cli:${kind}`) && kindsPresent.has(kind));
  // Parsers get two thirds of the budget, the CLI (a process per case) the rest. Each target
  // gets an equal share of its side's budget left when it starts: time a fast target leaves
  // goes to the slower ones after it.
  const budgetMs = options.budgetMs ?? Infinity;
  const phases = { parsers: { endMs: started + (budgetMs * 2) / 3, left: parserTargets.length }, cli: { endMs: started + budgetMs, left: cliKinds.length } };
  const deadlineOf = (phase: keyof typeof phases): number => {
    const now = performance.now();
    return now + (phases[phase].endMs - now) / Math.max(1, phases[phase].left--);
  };
  const findings = new Findings(options.outDirectory);
  const stats: TargetStats[] = [];

  const worker = new WatchedWorker(options.timeLimitMs);
  try {
    for (const target of parserTargets) {
      const targetStats = newStats(target, options.caseIndex === undefined ? options.parserCount : 1);
      stats.push(targetStats);
      const deadline = deadlineOf('parsers');
      for (const index of caseIndices(options, options.parserCount)) {
        if (performance.now() > deadline) break;
        const made = makeCase(options, seeds, target, index, PARSER_TARGETS[target], target !== 'print-events' && !target.startsWith('parse-'));
        const source = `fuzz/${target}/case-${index}`;
        const result = await worker.run({ target, bytes: made.bytes, source, variant: below(made.random, 1 << 16) });
        const elapsedMs = result.elapsedMs;
        const record: CaseRecord = { target, index, seedName: made.seed.name, applied: made.applied, elapsedMs, classified: classifyParse(result, source, factsOf(made, options)) };
        count(targetStats, record);
        findings.add(record, target, made.bytes, made.gzipped ? '.gz' : '');
      }
      options.log(`${target}: ${targetStats.ran} cases`);
    }
  } finally {
    await worker.close();
  }

  for (const kind of cliKinds) {
    const target = `cli:${kind}`;
    const targetStats = newStats(target, options.caseIndex === undefined ? options.cliCount : 1);
    stats.push(targetStats);
    const deadline = deadlineOf('cli');
    for (const index of caseIndices(options, options.cliCount)) {
      if (performance.now() > deadline) break;
      const made = makeCase(options, seeds, target, index, [kind], true);
      const command = pick(made.random, CLI_COMMANDS[kind]);
      const stdin = made.random() < 0.15;
      const caseStarted = performance.now();
      const ran = runCliCase({ kind, command, bytes: made.bytes, gzipped: made.gzipped, stdin }, join(workDirectory, 'cli'), options.timeLimitMs);
      const elapsedMs = performance.now() - caseStarted;
      const classified = classifyCli(ran.run, ran.names, factsOf(made, options));
      const record: CaseRecord = { target, index, seedName: made.seed.name, applied: made.applied, args: ran.args, elapsedMs, classified };
      count(targetStats, record);
      // CLI findings are grouped by command: `report` and `events` failing alike are two bugs.
      findings.add(record, `${target} ${command.args[0]}`, made.bytes, made.gzipped ? '.gz' : '');
    }
    options.log(`${target}: ${targetStats.ran} cases`);
  }
  rmSync(workDirectory, { recursive: true, force: true });
  return { stats, findings: [...findings.groups.values()], skipped, elapsedMs: performance.now() - started };
}
