// Seeded mutations of real inputs, each a small named function from bytes to bytes. They aim
// at what damages GHC output in the wild (cut-off files, a line lost or doubled when logs are
// concatenated, CRLF from a Windows editor, binary noise) and at what breaks readers (numbers
// past 2^53 or out of double range, very long lines: the issue #13 report is a 100 KB bad line
// that made the .prof and .hp readers quadratic, names holding `;` or a newline).

/** What a mutation may depend on besides the input: the run's random numbers and sizes. */
export interface MutationContext {
  random: () => number;
  /** Length of the junk line `long-line` inserts (100 KB in `npm run fuzz`, less in `npm test`). */
  longLineBytes: number;
  /** Another seed's bytes, for `splice`. */
  donor: () => Uint8Array;
}

interface Mutation {
  name: string;
  apply(input: Uint8Array, context: MutationContext): Uint8Array;
}

const NEWLINE = 0x0a;
const latin1 = new TextDecoder('latin1');

// ---------------------------------------------------------------------------------------
// Helpers: positions, ranges, lines

const below = (random: () => number, n: number): number => Math.floor(random() * n);
const pick = <T>(random: () => number, items: readonly T[]): T => items[below(random, items.length)]!;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Replaces `input[start, end)` by `insert`. */
const splice = (input: Uint8Array, start: number, end: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array =>
  concat(input.subarray(0, start), insert, input.subarray(end));

/** A chunk length: mostly a few bytes, sometimes up to a tenth of the input. */
function chunkLength(random: () => number, inputLength: number): number {
  const max = Math.max(1, random() < 0.7 ? 64 : Math.floor(inputLength / 10));
  return 1 + below(random, max);
}

/** Offsets just after each newline (and 0): where lines start. */
function lineStarts(input: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < input.length; i++) if (input[i] === NEWLINE && i + 1 < input.length) starts.push(i + 1);
  return starts;
}

/** The line `index` as [start, end) with its newline. */
function lineRange(input: Uint8Array, starts: readonly number[], index: number): [number, number] {
  return [starts[index]!, starts[index + 1] ?? input.length];
}

/** A line index, biased to the first lines (headers) a third of the time. */
function lineIndex(random: () => number, starts: readonly number[]): number {
  return random() < 0.33 ? below(random, Math.min(starts.length, 12)) : below(random, starts.length);
}

// ---------------------------------------------------------------------------------------
// Interesting values

/** Numbers that break naive `Number(...)`/`parseInt` handling and sums. */
const HUGE_NUMBERS = ['9007199254740993', '1e400', '-1', 'NaN', '0', '-0', '99999999999999999999999999', 'Infinity', '1.5', '0x10', '1,2', ''];

/** What a name may hold that a printer or a folded-stack line cannot take unquoted. */
const NAME_INJECTIONS: readonly Uint8Array[] = [
  ...['\n', '\r', '\r\n', '\t', '\0', ';', '`', '"', "'", '\\', '<script>', '\x1b[31m', '\u00e9', '\u{1F600}', ' '].map((text) => ascii(text)),
  // Not UTF-8: a lone continuation byte and a byte-order mark's bytes reversed.
  Uint8Array.of(0x80),
  Uint8Array.of(0xff, 0xfe),
];

/** JSON values of every type, for a key whose value the reader expects of one type. */
const JSON_VALUES = ['null', 'true', '"x"', '[]', '{}', '-1', '1e400', '9007199254740993', '0.5', '[[[[[[[[[[]]]]]]]]]]', '"\\u0000"'];

/** Big-endian integers at their edges, for the binary eventlog's fields. */
const EDGE_BYTES: readonly number[][] = [
  [0xff, 0xff],
  [0x00, 0x00],
  [0x7f, 0xff, 0xff, 0xff],
  [0x80, 0x00, 0x00, 0x00],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01],
];

/** Junk for a long line: no spaces, spaced tokens, digits, or a cost-centre-like row repeated. */
function junkLine(random: () => number, length: number): Uint8Array {
  const patterns = ['x', 'ab ', '1234567890', ' 0.0', 'main Main Main.hs:1:1-2 1 0 0.0 0.0 ', '(', '"', '\t', '-'];
  const pattern = pick(random, patterns);
  return ascii(pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length));
}

// ---------------------------------------------------------------------------------------
// The mutations

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'flip-bits',
    apply: (input, { random }) => {
      const out = input.slice();
      if (out.length === 0) return out;
      for (let n = 1 + below(random, 8); n > 0; n--) {
        const at = below(random, out.length);
        out[at] = out[at]! ^ (1 << below(random, 8));
      }
      return out;
    },
  },
  {
    name: 'set-bytes',
    apply: (input, { random }) => {
      const out = input.slice();
      if (out.length === 0) return out;
      for (let n = 1 + below(random, 4); n > 0; n--) out[below(random, out.length)] = pick(random, [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x20, below(random, 256)]);
      return out;
    },
  },
  {
    name: 'insert-bytes',
    apply: (input, { random }) => {
      const at = below(random, input.length + 1);
      return splice(input, at, at, Uint8Array.from({ length: 1 + below(random, 16) }, () => below(random, 256)));
    },
  },
  {
    name: 'delete-bytes',
    apply: (input, { random }) => {
      const at = below(random, input.length + 1);
      return splice(input, at, Math.min(input.length, at + 1 + below(random, 16)));
    },
  },
  {
    name: 'duplicate-chunk',
    apply: (input, { random }) => {
      const length = chunkLength(random, input.length);
      const from = below(random, Math.max(1, input.length - length));
      const to = below(random, input.length + 1);
      return splice(input, to, to, input.slice(from, from + length));
    },
  },
  {
    name: 'delete-chunk',
    apply: (input, { random }) => {
      const length = chunkLength(random, input.length);
      const from = below(random, Math.max(1, input.length - length));
      return splice(input, from, from + length);
    },
  },
  {
    name: 'swap-chunks',
    apply: (input, { random }) => {
      const length = Math.min(chunkLength(random, input.length), Math.floor(input.length / 2));
      if (length === 0) return input;
      const a = below(random, input.length - 2 * length + 1);
      const b = a + length + below(random, input.length - a - 2 * length + 1);
      const out = input.slice();
      out.set(input.subarray(b, b + length), a);
      out.set(input.subarray(a, a + length), b);
      return out;
    },
  },
  {
    name: 'truncate',
    apply: (input, { random }) => input.slice(0, below(random, input.length)),
  },
  {
    name: 'truncate-at-line',
    apply: (input, { random }) => {
      const starts = lineStarts(input);
      return input.slice(0, starts[below(random, starts.length)]);
    },
  },
  {
    name: 'duplicate-line',
    apply: (input, { random }) => {
      const starts = lineStarts(input);
      const [start, end] = lineRange(input, starts, lineIndex(random, starts));
      return splice(input, start, start, input.slice(start, end));
    },
  },
  {
    name: 'delete-line',
    apply: (input, { random }) => {
      const starts = lineStarts(input);
      const [start, end] = lineRange(input, starts, lineIndex(random, starts));
      return splice(input, start, end);
    },
  },
  {
    name: 'swap-lines',
    apply: (input, { random }) => {
      const starts = lineStarts(input);
      if (starts.length < 2) return input;
      const first = lineIndex(random, starts.slice(0, -1));
      const second = first + 1 + below(random, Math.min(8, starts.length - first - 1));
      const [aStart, aEnd] = lineRange(input, starts, first);
      const [bStart, bEnd] = lineRange(input, starts, second);
      return concat(input.subarray(0, aStart), input.subarray(bStart, bEnd), input.subarray(aEnd, bStart), input.subarray(aStart, aEnd), input.subarray(bEnd));
    },
  },
  {
    name: 'huge-number',
    apply: (input, { random }) => {
      // Text offsets are byte offsets: latin1 decodes one character per byte.
      const matches = [...latin1.decode(input).matchAll(/-?\d[\d,]*(\.\d+)?(e[+-]?\d+)?/g)];
      if (matches.length === 0) return input;
      const match = random() < 0.33 ? matches[below(random, Math.min(matches.length, 40))]! : pick(random, matches);
      return splice(input, match.index, match.index + match[0].length, ascii(pick(random, HUGE_NUMBERS)));
    },
  },
  {
    name: 'edge-integer',
    apply: (input, { random }) => {
      const value = pick(random, EDGE_BYTES);
      if (input.length < value.length) return input;
      const out = input.slice();
      out.set(value, below(random, input.length - value.length + 1));
      return out;
    },
  },
  {
    name: 'long-line',
    apply: (input, context) => {
      const starts = lineStarts(input);
      const at = starts[below(context.random, starts.length)]!;
      // Either a line of its own or glued to the start of an existing line.
      const ending = context.random() < 0.5 ? ascii('\n') : new Uint8Array(0);
      return splice(input, at, at, concat(junkLine(context.random, context.longLineBytes), ending));
    },
  },
  {
    name: 'name-injection',
    apply: (input, { random }) => {
      // Inside a run of letters: a cost-centre, module, band or key name.
      const words = [...latin1.decode(input).matchAll(/[A-Za-z_][A-Za-z_.']{2,}/g)];
      if (words.length === 0) return input;
      const word = pick(random, words);
      const at = word.index + 1 + below(random, word[0].length - 1);
      return splice(input, at, at, pick(random, NAME_INJECTIONS));
    },
  },
  {
    name: 'header-field',
    apply: (input, { random }) => {
      // A field of the first lines (prof header, hp JOB/DATE/SAMPLE_UNIT, stats command line)
      // or, in binary input, a byte of the eventlog header's event-type table.
      if (input.subarray(0, 64).includes(0)) {
        const out = input.slice();
        const at = below(random, Math.min(out.length, 4096));
        out[at] = pick(random, [0x00, 0xff, out[at]! + 1, out[at]! - 1, below(random, 256)]);
        return out;
      }
      const starts = lineStarts(input);
      const [start, end] = lineRange(input, starts, below(random, Math.min(starts.length, 10)));
      const line = latin1.decode(input.subarray(start, end));
      const fields = [...line.matchAll(/[^\s=:,()"]+/g)];
      if (fields.length === 0) return splice(input, start, end);
      const field = pick(random, fields);
      const replacement = pick(random, ['', '?', '0', '-1', '1e400', 'secs', '=', '"', ...HUGE_NUMBERS]);
      return splice(input, start + field.index, start + field.index + field[0].length, ascii(replacement));
    },
  },
  {
    name: 'json-value',
    apply: (input, { random }) => {
      const values = [...latin1.decode(input).matchAll(/:\s*("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null|\[\]|\{\})/g)];
      if (values.length === 0) return input;
      const value = pick(random, values);
      const start = value.index + value[0].length - value[1]!.length;
      return splice(input, start, value.index + value[0].length, ascii(pick(random, JSON_VALUES)));
    },
  },
  {
    name: 'crlf',
    apply: (input) => {
      const out: number[] = [];
      for (const byte of input) {
        if (byte === NEWLINE) out.push(0x0d);
        out.push(byte);
      }
      return Uint8Array.from(out);
    },
  },
  {
    name: 'tiny',
    apply: (input, { random }) => input.slice(0, below(random, 24)),
  },
  {
    name: 'splice-other-seed',
    apply: (input, { random, donor }) => {
      const other = donor();
      const length = chunkLength(random, other.length);
      const from = below(random, Math.max(1, other.length - length));
      const at = below(random, input.length + 1);
      return splice(input, at, at, other.subarray(from, from + length));
    },
  },
];

/** Mutations by name, for the summary and replays. */
export const MUTATION_NAMES: readonly string[] = MUTATIONS.map((mutation) => mutation.name);

export interface Mutated {
  bytes: Uint8Array;
  /** The mutations applied, in order. */
  applied: string[];
}

/** One to three mutations (mostly one) picked and applied with `context.random`. */
export function mutate(input: Uint8Array, context: MutationContext): Mutated {
  const count = context.random() < 0.6 ? 1 : context.random() < 0.7 ? 2 : 3;
  let bytes = input;
  const applied: string[] = [];
  for (let n = 0; n < count; n++) {
    const mutation = pick(context.random, MUTATIONS);
    bytes = mutation.apply(bytes, context);
    applied.push(mutation.name);
  }
  return { bytes, applied };
}
