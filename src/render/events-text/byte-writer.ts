// UTF-8 output built in a byte buffer and handed over in chunks, with the few writes the printer
// needs per event made cheap: literals copied four bytes at a time, integers four digits at a time.
import type { ChunkPool } from './chunk-pool.js';

const utf8 = new TextEncoder();

/** Text to copy into the output often: its UTF-8 bytes, and the leading ones also as big-endian u32s. */
export class Literal {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** Bytes 0..4*words.length, four at a time: a `setUint32` copies them faster than four stores. */
  readonly words: Uint32Array;

  constructor(text: string) {
    this.text = text;
    this.bytes = utf8.encode(text);
    const view = viewOf(this.bytes);
    this.words = Uint32Array.from({ length: this.bytes.length >>> 2 }, (_, i) => view.getUint32(4 * i));
  }
}

/** The four ASCII digits of 0000..9999 as big-endian u32s, written with one `setUint32`. */
const FOUR_DIGITS = Uint32Array.from({ length: 10000 }, (_, n) => {
  const digits = String(n).padStart(4, '0');
  return ((digits.charCodeAt(0) << 24) | (digits.charCodeAt(1) << 16) | (digits.charCodeAt(2) << 8) | digits.charCodeAt(3)) >>> 0;
});

/**
 * UTF-8 output built in a byte buffer, handed over in chunks (`take`). Writes assume room was
 * reserved (`reserve`), except `text`, which reserves its own.
 */
export class ByteWriter {
  private bytes: Uint8Array;
  private view: DataView;
  private at = 0;

  constructor(
    private readonly chunkBytes: number,
    private readonly pool: ChunkPool,
  ) {
    // Small logs (tests print thousands) need no more; `reserve` grows it for big ones.
    this.bytes = pool.take(Math.min(this.capacity(), 64 << 10));
    this.view = viewOf(this.bytes);
  }

  get size(): number {
    return this.at;
  }

  /** The bytes written so far; the writer starts a new buffer. */
  take(): Uint8Array {
    const written = this.bytes.subarray(0, this.at);
    this.setBuffer(this.pool.take(this.capacity()));
    this.at = 0;
    return written;
  }

  reserve(count: number): void {
    if (this.at + count > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + count));
      bigger.set(this.bytes.subarray(0, this.at));
      this.setBuffer(bigger);
    }
  }

  literal(literal: Literal): void {
    const view = this.view;
    const words = literal.words;
    const at = this.at;
    let i = 0;
    for (; i < words.length; i++) view.setUint32(at + 4 * i, words[i]!);
    const text = literal.bytes;
    const bytes = this.bytes;
    for (i *= 4; i < text.length; i++) bytes[at + i] = text[i]!;
    this.at = at + text.length;
  }

  /** Text known to be ASCII. */
  ascii(text: string): void {
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.at = at;
  }

  text(text: string): void {
    this.reserve(text.length * 3);
    this.at += utf8.encodeInto(text, this.bytes.subarray(this.at)).written;
  }

  /** A non-negative integer, as `String(value)` prints it; four digits at a time. */
  uint(value: number): void {
    if (value < 10000) {
      this.upToFourDigits(value);
    } else if (value < 100000000) {
      const high = (value / 10000) | 0;
      this.upToFourDigits(high);
      this.view.setUint32(this.at, FOUR_DIGITS[value - high * 10000]!);
      this.at += 4;
    } else if (value < 9007199254740992) {
      const high = Math.floor(value / 100000000);
      this.uint(high);
      const low = value - high * 100000000;
      const middle = (low / 10000) | 0;
      this.view.setUint32(this.at, FOUR_DIGITS[middle]!);
      this.view.setUint32(this.at + 4, FOUR_DIGITS[low - middle * 10000]!);
      this.at += 8;
    } else {
      this.ascii(String(value));
    }
  }

  /** 0..9999 without leading zeros. */
  private upToFourDigits(value: number): void {
    const digits = FOUR_DIGITS[value]!;
    const bytes = this.bytes;
    let at = this.at;
    if (value >= 1000) bytes[at++] = digits >>> 24;
    if (value >= 100) bytes[at++] = (digits >>> 16) & 0xff;
    if (value >= 10) bytes[at++] = (digits >>> 8) & 0xff;
    bytes[at++] = digits & 0xff;
    this.at = at;
  }

  private setBuffer(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.view = viewOf(bytes);
  }

  /** Room for a chunk and the line that crosses its limit. */
  private capacity(): number {
    return this.chunkBytes + (64 << 10);
  }
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
