// A list of non-negative integers (up to 2^53) kept as varints (7 bits a byte, low bits first) in
// fixed-size blocks: a big eventlog's millions of GC pauses take three or four bytes a number
// instead of eight, and growing copies nothing. Read back in order, once or many times.

const BLOCK_BYTES = 1 << 16;
/** The most bytes one record may take: callers reserve room for a record before writing it. */
const MAX_VARINT_BYTES = 8;

export class VarintBlocks {
  private readonly blocks: Uint8Array[] = [];
  /** Bytes used in each block but the last, which is `current` up to `at`. */
  private readonly used: number[] = [];
  private current = new Uint8Array(0);
  private at = 0;

  /** Makes room for `values` numbers written next, so that a record never straddles two blocks. */
  reserve(values: number): void {
    if (this.at + values * MAX_VARINT_BYTES <= this.current.length) return;
    if (this.blocks.length > 0) this.used[this.blocks.length - 1] = this.at;
    this.current = new Uint8Array(BLOCK_BYTES);
    this.blocks.push(this.current);
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
    if (this.blocks.length > 0) this.used[this.blocks.length - 1] = this.at;
    return new VarintReader(this.blocks, this.used);
  }
}

class VarintReader {
  private block = -1;
  private bytes: Uint8Array = new Uint8Array(0);
  private end = 0;
  private at = 0;

  constructor(
    private readonly blocks: readonly Uint8Array[],
    private readonly used: readonly number[],
  ) {}

  /** True when every number was read. */
  get done(): boolean {
    while (this.at >= this.end) {
      if (this.block + 1 >= this.blocks.length) return true;
      this.block++;
      this.bytes = this.blocks[this.block]!;
      this.end = this.used[this.block]!;
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
