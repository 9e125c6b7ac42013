// A list of non-negative integers (up to 2^53) kept as unsigned LEB128 varints (7 bits a byte,
// low bits first) in chunks, records never straddling two: a big eventlog's millions of GC pauses
// or event-store segments take a few bytes a number instead of eight, and growing copies nothing.
// Read back in order, once or many times.

/** Chunks start small (a short log has few records, a log several lists) and double up to this size. */
const FIRST_CHUNK_BYTES = 4 << 10;
const MAX_CHUNK_BYTES = 1 << 20;
/** The most bytes one number may take (2^53 needs 8): callers reserve room for a record before writing it. */
const MAX_VARINT_BYTES = 8;

export class VarintList {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes used in each chunk but the last, which is `current` up to `at`. */
  private readonly used: number[] = [];
  private current = new Uint8Array(0);
  private at = 0;

  /** Makes room for `values` numbers written next, so that a record never straddles two chunks. */
  reserve(values: number): void {
    if (this.at + values * MAX_VARINT_BYTES <= this.current.length) return;
    if (this.chunks.length > 0) this.used[this.chunks.length - 1] = this.at;
    this.current = new Uint8Array(this.current.length === 0 ? FIRST_CHUNK_BYTES : Math.min(2 * this.current.length, MAX_CHUNK_BYTES));
    this.chunks.push(this.current);
    this.used.push(0);
    this.at = 0;
  }

  /** Appends `value` (an integer, 0 <= value <= 2^53); call `reserve` first. */
  push(value: number): void {
    const bytes = this.current;
    let at = this.at;
    // Above 2^31 bitwise operators would cut the value to 32 bits: divide instead.
    while (value >= 0x80000000) {
      bytes[at++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    while (value >= 128) {
      bytes[at++] = (value & 127) | 128;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.at = at;
  }

  /** A reader from the first number; the list may not grow while it is read. */
  reader(): VarintReader {
    if (this.chunks.length > 0) this.used[this.chunks.length - 1] = this.at;
    return new VarintReader(this.chunks, this.used);
  }
}

export class VarintReader {
  private chunk = -1;
  private bytes: Uint8Array = new Uint8Array(0);
  private end = 0;
  private at = 0;

  constructor(
    private readonly chunks: readonly Uint8Array[],
    private readonly used: readonly number[],
  ) {}

  /** True when every number was read. */
  get done(): boolean {
    while (this.at >= this.end) {
      if (this.chunk + 1 >= this.chunks.length) return true;
      this.chunk++;
      this.bytes = this.chunks[this.chunk]!;
      this.end = this.used[this.chunk]!;
      this.at = 0;
    }
    return false;
  }

  /** The next number; only after `done` said false, and only as many as the record written has. */
  next(): number {
    const bytes = this.bytes;
    let byte = bytes[this.at++]!;
    if (byte < 128) return byte;
    let value = byte & 127;
    let scale = 128;
    do {
      byte = bytes[this.at++]!;
      value += (byte & 127) * scale;
      scale *= 128;
    } while (byte >= 128);
    return value;
  }
}
