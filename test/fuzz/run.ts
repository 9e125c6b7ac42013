// `npm run fuzz`: every parser and the CLI over mutated real samples (issue #13). Prints a
// table per target and each distinct failure with the command that replays it; exits 1 when
// anything failed. Run after `npm run build` (the script does): it tests what dist/ holds.
//
//   npm run fuzz -- [--seed N] [--count N] [--cli-count N] [--time-limit SECS] [--budget SECS]
//                   [--long-line BYTES] [--max-seed-bytes BYTES] [--target NAME[,NAME...]]
//                   [--case I] [--out DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz-run.js';
import { fuzzReport } from './report.js';
import { CLI_COMMANDS, PARSER_TARGET_NAMES } from './targets.js';

const USAGE = `usage: npm run fuzz -- [--seed N] [--count N] [--cli-count N] [--time-limit SECS] [--budget SECS] [--long-line BYTES] [--max-seed-bytes BYTES] [--target NAME,...] [--case I] [--out DIR]
targets: ${[...PARSER_TARGET_NAMES, ...Object.keys(CLI_COMMANDS).map((kind) => `cli:${kind}`)].join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) fail(`--${name} ${value}: expected a whole number`);
  return number;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      'cli-count': { type: 'string' },
      'time-limit': { type: 'string' },
      budget: { type: 'string' },
      'long-line': { type: 'string' },
      'max-seed-bytes': { type: 'string' },
      target: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (parsed.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

// 10,000 cases per parser as the issue asks; the CLI (a process per case) gets fewer, and the
// budget keeps the run to a few minutes on a shared two-core machine: the table says how many ran.
const seed = wholeNumber(parsed.seed, 'seed', Math.floor(Math.random() * 2 ** 31));
const targets = parsed.target?.split(',');
const known = new Set([...PARSER_TARGET_NAMES, ...Object.keys(CLI_COMMANDS).map((kind) => `cli:${kind}`)]);
for (const target of targets ?? []) if (!known.has(target)) fail(`--target ${target}: no such target`);
const outDirectory = parsed.out ?? mkdtempSync(join(tmpdir(), 'ghcprof-fuzz-'));
const caseText = parsed.case;
const budgetSecs = wholeNumber(parsed.budget, 'budget', 240);

const timeLimitSecs = wholeNumber(parsed['time-limit'], 'time-limit', 10);
// spawnSync takes a timeout of 0 as none at all.
if (timeLimitSecs < 1) fail('--time-limit: expected at least 1 second');
const longLineBytes = wholeNumber(parsed['long-line'], 'long-line', 100_000);
const maxSeedBytes = wholeNumber(parsed['max-seed-bytes'], 'max-seed-bytes', 200_000);
const replay = [
  `npm run fuzz -- --seed ${seed}`,
  ...(longLineBytes === 100_000 ? [] : [`--long-line ${longLineBytes}`]),
  ...(maxSeedBytes === 200_000 ? [] : [`--max-seed-bytes ${maxSeedBytes}`]),
  ...(timeLimitSecs === 10 ? [] : [`--time-limit ${timeLimitSecs}`]),
].join(' ');

const result = await runFuzz({
  seed,
  parserCount: wholeNumber(parsed.count, 'count', 10_000),
  cliCount: wholeNumber(parsed['cli-count'], 'cli-count', 400),
  timeLimitMs: timeLimitSecs * 1000,
  longLineBytes,
  maxSeedBytes,
  budgetMs: budgetSecs === 0 ? undefined : budgetSecs * 1000,
  targets,
  caseIndex: caseText === undefined ? undefined : wholeNumber(caseText, 'case', 0),
  outDirectory,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${fuzzReport(result, seed, replay, outDirectory).join('\n')}\n`);
// Nothing was written there: no empty folder left behind.
if (result.findings.length === 0 && parsed.out === undefined) rmSync(outDirectory, { recursive: true, force: true });
process.exitCode = result.findings.some((group) => group.verdict === 'failure') ? 1 : 0;
