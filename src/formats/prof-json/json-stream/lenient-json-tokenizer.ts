// A push-based JSON tokenizer over byte chunks: the document is never one string, and
// nesting depth costs no call stack. It is lenient where GHC's JSON profile writer was
// sloppy (docs/formats.md §2.3): older writers left `"` and `\` in names unescaped and
// printed Windows paths (`src\Foo.hs`) raw. So, inside a string:
//   - a `"` ends the string only if what follows (after spaces) is `,` `}` `]` or `:`,
//     otherwise it is a literal quote;
//   - `\` before a character that is no JSON escape is a literal backslash;
//   - `\"` followed by `,` `}` `]` or `:` is a literal backslash ending the string.
// Each such repair is counted, so the reader can say the file was not valid JSON.
import type { JsonEventSink } from './json-events.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Strings up to this long are interned (keys, labels, modules, most SRC locations). */
const INTERNED_MAX_BYTES = 64;
/** Slots of the intern cache (a power of two): a profile's distinct short strings, mostly. */
const INTERN_SLOTS = 1 << 14;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly byteOffset: number,
  ) {
    super(message);
  }
}

type Container = 'object' | 'array';
/** What the grammar expects next. */
type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'value-or-end' | 'done';

/** Bytes of numbers and literals: letters, digits, `+`, `-`, `.`. */
function isBareByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || byte === 0x2b || byte === 0x2d || byte === 0x2e;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

export class LenientJsonTokenizer {
  /** Repairs made to strings GHC did not escape. */
  repairs = 0;
  private buffer: Uint8Array = new Uint8Array(0);
  /** Offset in the whole input of buffer[0]. */
  private base = 0;
  private line = 1;
  private readonly containers: Container[] = [];
  private expect: Expect = 'value';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly sink: JsonEventSink) {}

  /** Open containers, innermost last (for reporting truncation). */
  get depth(): number {
    return this.containers.length;
  }

  get complete(): boolean {
    return this.expect === 'done';
  }

  get bytesConsumed(): number {
    return this.base;
  }

  push(chunk: Uint8Array): void {
    if (this.buffer.length === 0) this.buffer = chunk;
    else {
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer, 0);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
    }
    this.run(false);
  }

  /** Consumes what is left; returns false when the document ended early (truncated). */
  finish(): boolean {
    this.run(true);
    return this.expect === 'done';
  }

  private fail(message: string, at: number): never {
    throw new JsonSyntaxError(message, this.line, this.base + at);
  }

  /**
   * Tokenizes as far as the buffer allows. A token that may continue in the next chunk
   * (a string, a number, a quote needing lookahead) is left in the buffer unless `atEnd`.
   */
  private run(atEnd: boolean): void {
    const bytes = this.buffer;
    let i = 0;
    for (;;) {
      while (i < bytes.length && isSpace(bytes[i]!)) {
        if (bytes[i] === NEWLINE) this.line++;
        i++;
      }
      if (i >= bytes.length) break;
      const byte = bytes[i]!;
      if (this.expect === 'done') this.fail(`unexpected ${JSON.stringify(String.fromCharCode(byte))} after the end of the document`, i);
      if (this.expect === 'colon') {
        if (byte !== 0x3a) this.fail(`expected ":" after a member name, found ${JSON.stringify(String.fromCharCode(byte))}`, i);
        this.expect = 'value';
        i++;
        continue;
      }
      if (this.expect === 'comma-or-end') {
        const container = this.containers[this.containers.length - 1];
        if (byte === 0x2c) {
          this.expect = container === 'object' ? 'key' : 'value';
          i++;
          continue;
        }
        if ((byte === 0x7d && container === 'object') || (byte === 0x5d && container === 'array')) {
          this.close(container);
          i++;
          continue;
        }
        this.fail(`expected "," or the end of the ${container}, found ${JSON.stringify(String.fromCharCode(byte))}`, i);
      }
      if ((this.expect === 'key-or-end' && byte === 0x7d) || (this.expect === 'value-or-end' && byte === 0x5d)) {
        this.close(byte === 0x7d ? 'object' : 'array');
        i++;
        continue;
      }
      if (this.expect === 'key' || this.expect === 'key-or-end') {
        if (byte !== QUOTE) this.fail(`expected a member name in quotes, found ${JSON.stringify(String.fromCharCode(byte))}`, i);
        const end = this.scanString(bytes, i, atEnd);
        if (end < 0) break;
        this.sink.key(this.lastString);
        this.expect = 'colon';
        i = end;
        continue;
      }
      // A value.
      if (byte === 0x7b || byte === 0x5b) {
        const container: Container = byte === 0x7b ? 'object' : 'array';
        this.containers.push(container);
        if (container === 'object') this.sink.startObject();
        else this.sink.startArray();
        this.expect = container === 'object' ? 'key-or-end' : 'value-or-end';
        i++;
        continue;
      }
      if (byte === QUOTE) {
        const end = this.scanString(bytes, i, atEnd);
        if (end < 0) break;
        this.sink.string(this.lastString);
        this.afterValue();
        i = end;
        continue;
      }
      const end = this.scanBare(bytes, i, atEnd);
      if (end < 0) break;
      i = end;
    }
    this.base += i;
    this.buffer = i === bytes.length ? new Uint8Array(0) : bytes.slice(i);
  }

  private close(container: Container): void {
    this.containers.pop();
    if (container === 'object') this.sink.endObject();
    else this.sink.endArray();
    this.afterValue();
  }

  private afterValue(): void {
    this.expect = this.containers.length === 0 ? 'done' : 'comma-or-end';
  }

  /** Numbers and true/false/null: runs of letters, digits, signs and dots. */
  private scanBare(bytes: Uint8Array, start: number, atEnd: boolean): number {
    let end: number;
    // Integers (almost every number in a profile) are read straight from the bytes.
    let integer = 0;
    let digitsOnly = true;
    const negative = bytes[start] === 0x2d;
    for (end = negative ? start + 1 : start; end < bytes.length; end++) {
      const byte = bytes[end]!;
      if (byte >= 0x30 && byte <= 0x39) integer = integer * 10 + (byte - 0x30);
      else if (isBareByte(byte)) digitsOnly = false;
      else break;
    }
    if (end === bytes.length && !atEnd) return -1;
    const digits = end - (negative ? start + 1 : start);
    if (digitsOnly && digits > 0 && (digits === 1 || bytes[negative ? start + 1 : start] !== 0x30)) {
      this.sink.number(negative ? -integer : integer);
      this.afterValue();
      return end;
    }
    const text = String.fromCharCode(...bytes.subarray(start, end));
    if (text === 'true' || text === 'false') this.sink.literal(text === 'true');
    else if (text === 'null') this.sink.literal(null);
    else if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(text)) this.sink.number(Number(text));
    else this.fail(`expected a value, found ${JSON.stringify(text.length > 0 ? text.slice(0, 20) : String.fromCharCode(bytes[start]!))}`, start);
    this.afterValue();
    return end;
  }

  private lastString = '';
  private readonly internStrings: Array<string | undefined> = new Array<string | undefined>(INTERN_SLOTS);

  /** Whether the bytes after `at` (spaces skipped) start with a structural character; null if unknown yet. */
  private closesString(bytes: Uint8Array, at: number, atEnd: boolean): boolean | null {
    let k = at;
    while (k < bytes.length && isSpace(bytes[k]!)) k++;
    if (k >= bytes.length) return atEnd ? true : null;
    const next = bytes[k]!;
    return next === 0x2c || next === 0x7d || next === 0x5d || next === 0x3a;
  }

  /**
   * A short ASCII string, from a cache keyed by its bytes' hash (computed as the string was scanned): a profile repeats its keys
   * (`"id"`, `"entries"`, `"children"`, ...) once per node and its labels once per call site,
   * and making each anew (a view, a string, then garbage) was the tokenizer's largest cost.
   */
  private interned(bytes: Uint8Array, from: number, to: number, hash: number): string {
    const slot = (hash >>> 0) & (INTERN_SLOTS - 1);
    const cached = this.internStrings[slot];
    if (cached !== undefined && cached.length === to - from) {
      let same = true;
      for (let i = from; i < to; i++) {
        if (cached.charCodeAt(i - from) !== bytes[i]) {
          same = false;
          break;
        }
      }
      if (same) return cached;
    }
    const text = String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
    this.internStrings[slot] = text;
    return text;
  }

  /** Reads the string starting at the quote `start`; returns the index after it, or -1 to wait for more input. */
  private scanString(bytes: Uint8Array, start: number, atEnd: boolean): number {
    // Fast path: short ASCII strings without escapes, closed by a structural quote; hashed
    // (FNV-1a) as they are scanned, for the intern cache.
    let k = start + 1;
    let hash = 0x811c9dc5;
    while (k < bytes.length && k - start < 256) {
      const byte = bytes[k]!;
      if (byte === QUOTE || byte === BACKSLASH || byte >= 0x80 || byte === NEWLINE) break;
      hash = Math.imul(hash ^ byte, 0x01000193);
      k++;
    }
    if (k < bytes.length && bytes[k] === QUOTE && this.closesString(bytes, k + 1, atEnd) === true) {
      this.lastString = k - start - 1 <= INTERNED_MAX_BYTES ? this.interned(bytes, start + 1, k, hash) : String.fromCharCode.apply(null, bytes.subarray(start + 1, k) as unknown as number[]);
      return k + 1;
    }
    const parts: string[] = [];
    let run = start + 1;
    let i = start + 1;
    const flush = (end: number): void => {
      if (end > run) parts.push(this.decoder.decode(bytes.subarray(run, end)));
    };
    while (i < bytes.length) {
      const byte = bytes[i]!;
      if (byte === QUOTE) {
        const closes = this.closesString(bytes, i + 1, atEnd);
        if (closes === null) return -1;
        if (closes) {
          flush(i);
          this.lastString = parts.join('');
          return i + 1;
        }
        this.repairs++;
        i++;
        continue;
      }
      if (byte === NEWLINE) this.fail('a line break inside a string', i);
      if (byte !== BACKSLASH) {
        i++;
        continue;
      }
      if (i + 1 >= bytes.length) return atEnd ? this.fail('the input ends inside a string', i) : -1;
      const escaped = bytes[i + 1]!;
      if (escaped === QUOTE) {
        const closes = this.closesString(bytes, i + 2, atEnd);
        if (closes === null) return -1;
        if (closes) {
          // `"main.\"` from a writer that did not escape the backslash.
          this.repairs++;
          flush(i + 1);
          this.lastString = parts.join('');
          return i + 2;
        }
      }
      if (escaped === 0x75) {
        if (i + 6 > bytes.length) return atEnd ? this.fail('the input ends inside a \\u escape', i) : -1;
        const hex = String.fromCharCode(...bytes.subarray(i + 2, i + 6));
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          flush(i);
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          i += 6;
          run = i;
          continue;
        }
      }
      const replacement = ESCAPES[escaped];
      flush(i);
      if (replacement === undefined) {
        // `src\Foo.hs`: a raw backslash, kept as written.
        this.repairs++;
        run = i;
        i++;
        continue;
      }
      parts.push(replacement);
      i += 2;
      run = i;
    }
    if (atEnd) this.fail('the input ends inside a string', bytes.length);
    return -1;
  }
}
