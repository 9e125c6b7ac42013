// What a fuzz case's outcome means, by the project's standard for bad input: ONE line naming
// the file and a line or byte offset and what was expected; never a crash, a stack trace, a
// hang or a silent empty result; exit 2 for bad input, 3 ("internal error") only for a bug.
// Warnings are allowed beside a result or an error: on stderr they carry `ghcprof: warning: `.
// Failures fail the run; suspects are reported only, where a clean outcome cannot be told
// from a bug without knowing the input (an empty but valid file, a cut at a point the format
// cannot notice).
import type { ParseOutcome } from './parse-protocol.js';
import type { WatchedResult } from './watched-worker.js';

export type Verdict = 'ok' | 'clean-error' | 'failure' | 'suspect';

export interface Classified {
  verdict: Verdict;
  /** For failures and suspects: what went wrong, in a few words (`crash`, `hang`, ...). */
  kind?: string;
  /** The message or output line that shows it. */
  detail?: string;
  /**
   * What cases of one bug share, to report it once: the message's first clause without its
   * location (an error), or the exception's class and top frame (a crash). Default: `kind`.
   */
  group?: string;
}

const OK: Classified = { verdict: 'ok' };
const CLEAN: Classified = { verdict: 'clean-error' };
const failure = (kind: string, detail: string, group = clauseOf(detail)): Classified => ({ verdict: 'failure', kind, detail, group });
const suspect = (kind: string, detail: string): Classified => ({ verdict: 'suspect', kind, detail, group: '' });

/**
 * A message's first clause with its location, numbers and quoted text taken out:
 * `ghcprof: x.prof:12: bad row "foo": expected 6 columns` → `bad row "…"`.
 */
function clauseOf(message: string): string {
  const withoutLocation = message.replace(/^(ghcprof: )?(\S*?)(:\d+|: byte \d+)?: /, '');
  return withoutLocation
    .split(/: |; /)[0]!
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
    .replace(/-?\d[\d.]*(e[+-]?\d+)?/g, 'N')
    .slice(0, 80);
}

/** What the case did to its input, as far as classification cares. */
export interface CaseFacts {
  /** The input's length after mutation. */
  inputBytes: number;
  /** Only truncations were applied (the seed's own end was cut away). */
  onlyTruncated: boolean;
  /** The format marks its end (an eventlog's end-of-data event, JSON's last brace): a cut can be noticed. */
  endIsMarked: boolean;
  timeLimitMs: number;
}

const isMultiLine = (text: string): boolean => /[\n\r]/.test(text);

/** The first frame of a stack that is not Node's own, to tell crashes apart. */
function topFrame(stack: string): string {
  const frame = stack.split('\n').find((line) => /^\s+at /.test(line) && !line.includes('node:'));
  return frame === undefined ? '' : ` ${frame.trim().replace(/file:\/\/\S*\/(dist|src)\//, '$1/')}`;
}

function classifyOk(warnings: readonly string[], empty: boolean, facts: CaseFacts): Classified {
  const multiLine = warnings.find(isMultiLine);
  if (multiLine !== undefined) return failure('multi-line warning', JSON.stringify(multiLine), clauseOf(multiLine));
  if (warnings.length > 0) return OK;
  if (empty && facts.inputBytes > 0) return suspect('silent empty result', 'read without error or warning, nothing in the result');
  if (facts.onlyTruncated && facts.endIsMarked) return suspect('truncation without warning', 'the input was cut short and read without a warning');
  return OK;
}

function classifyParseOutcome(outcome: ParseOutcome, source: string, facts: CaseFacts): Classified {
  switch (outcome.kind) {
    case 'ok':
      return classifyOk(outcome.warnings, outcome.empty, facts);
    case 'input-error':
      if (isMultiLine(outcome.message)) return failure('multi-line error', JSON.stringify(outcome.message), clauseOf(outcome.message));
      if (outcome.source !== source) return failure('error names another input', outcome.message);
      if (outcome.line === null && outcome.byteOffset === null) return failure('error without location', outcome.message);
      return CLEAN;
    case 'exception':
      return failure(
        outcome.phase === 'parse' ? 'crash' : 'crash while rendering',
        `${outcome.name}: ${outcome.message}${topFrame(outcome.stack)}`,
        `${outcome.name}${topFrame(outcome.stack)}`,
      );
  }
}

/** An in-process parse (parse-worker.ts), `source` being the name it was given for the input. */
export function classifyParse(result: WatchedResult, source: string, facts: CaseFacts): Classified {
  switch (result.kind) {
    case 'hang':
      return failure('hang', `no answer within ${facts.timeLimitMs / 1000} s`);
    case 'died':
      return failure('crash', result.message);
    case 'answered':
      return classifyParseOutcome(result.outcome, source, facts);
  }
}

export interface CliRun {
  status: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Bytes in the `-o`/`-d` outputs, when the command wrote to files. */
  outputBytes: number;
}

const WARNING_PREFIX = 'ghcprof: warning: ';
/** Errors about a whole input, which no line or byte could locate. */
const WHOLE_FILE_FINDINGS = ['no time profile to (aggregate|compare)$', 'this eventlog has no time-profile samples: '].join('|');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A CLI run over a bad input. `names` are what an error may call the input: its path, or `-`
 * for stdin (the bytes' own file inside a run directory).
 */
export function classifyCli(run: CliRun, names: readonly string[], facts: CaseFacts): Classified {
  if (run.timedOut) return failure('hang', `no exit within ${facts.timeLimitMs / 1000} s`);
  if (run.status === null) return failure('crash', `killed by ${run.signal}`);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  const trace = lines.find((line) => /^\s+at /.test(line));
  if (trace !== undefined) return failure('stack trace', `${lines[0]} ... ${trace.trim()}`);
  const internal = lines.find((line) => line.includes('internal error'));
  if (run.status === 3 || internal !== undefined) return failure('internal error', internal ?? lines.join(' | '));
  const others = lines.filter((line) => !line.startsWith(WARNING_PREFIX));
  if (run.status === 0) {
    if (others.length > 0) return failure('stderr line that is no warning', others[0]!);
    if (run.stdout === '' && run.outputBytes === 0 && facts.inputBytes > 0 && lines.length === 0) {
      return suspect('silent empty result', 'exit 0, no output, no warning');
    }
    if (facts.onlyTruncated && facts.endIsMarked && lines.length === 0 && !/warning/i.test(run.stdout)) {
      return suspect('truncation without warning', 'the input was cut short; exit 0 without a warning');
    }
    return OK;
  }
  if (run.status !== 2) return failure(`exit ${run.status}`, lines.join(' | ') || '(no stderr)');
  if (others.length === 0) return failure('exit 2 without an error line', lines.join(' | ') || '(no stderr)');
  if (others.length > 1) return failure('multi-line error', others.join(' | '));
  const line = others[0]!;
  const name = `(${names.map(escape).join('|')})`;
  if (!line.startsWith('ghcprof: ') || !new RegExp(name).test(line)) return failure('error without file name', line);
  // An option the file cannot serve (`x.prof: --metric alloc: this profile records no
  // allocation`) is about the whole file: no line or byte to name.
  if (new RegExp(`${name}: --[a-z-]+ `).test(line)) return CLEAN;
  // So is a finding that the input holds no time profile: it was read to its end (or to where it
  // broke, which a located warning above says, if it did) and held none; no one line lacks it.
  if (new RegExp(`${name}: (${WHOLE_FILE_FINDINGS})`).test(line)) return CLEAN;
  if (!new RegExp(`${name}(:\\d+|: byte \\d+)`).test(line)) return failure('error without location', line);
  return CLEAN;
}
