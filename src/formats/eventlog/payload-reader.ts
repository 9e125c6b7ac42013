// A cursor over one event's payload. All integers are big-endian ("all values are represented
// in big-endian order", EventLogFormat.h), read straight from the bytes through a DataView.

/** A payload ended before the fields its layout needs (the event is malformed). */
export class PayloadTooShortError extends Error {
  constructor(
    readonly neededBytes: number,
    readonly payloadBytes: number,
  ) {
    super(`payload of ${payloadBytes} bytes is too short: its fields need at least ${neededBytes}`);
    this.name = 'PayloadTooShortError';
  }
}

/** A field holds a value the format does not define: the event cannot be trusted. */
export class InvalidFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFieldError';
  }
}

// `fatal: false` replaces invalid UTF-8 with U+FFFD: the RTS writes user-supplied strings
// unchecked (ghc-events CHANGELOG 0.13.0 and 0.18.0 fixed crashes on non-UTF-8 payloads).
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const TWO_TO_32 = 4294967296;

export class PayloadReader {
  bytes: Uint8Array = new Uint8Array(0);
  view: DataView = new DataView(this.bytes.buffer);
  /** Absolute index in `bytes` of the next unread byte. */
  position = 0;
  /** Absolute index in `bytes` one past the payload's last byte. */
  end = 0;
  private start = 0;

  /** Points the cursor at `lengthBytes` bytes of `bytes` starting at `offset`. */
  reset(bytes: Uint8Array, view: DataView, offset: number, lengthBytes: number): this {
    this.bytes = bytes;
    this.view = view;
    this.start = offset;
    this.position = offset;
    this.end = offset + lengthBytes;
    return this;
  }

  get remainingBytes(): number {
    return this.end - this.position;
  }

  /** Throws unless at least `count` more bytes remain (before reading a counted list). */
  requireBytes(count: number): void {
    if (this.position + count > this.end) throw new PayloadTooShortError(this.position + count - this.start, this.end - this.start);
  }

  private need(count: number): number {
    const at = this.position;
    if (at + count > this.end) throw new PayloadTooShortError(at + count - this.start, this.end - this.start);
    this.position = at + count;
    return at;
  }

  u8(): number {
    return this.bytes[this.need(1)]!;
  }

  u16(): number {
    return this.view.getUint16(this.need(2));
  }

  u32(): number {
    return this.view.getUint32(this.need(4));
  }

  i32(): number {
    return this.view.getInt32(this.need(4));
  }

  /** A u64 as a Number: exact below 2^53 (counts, byte sizes, nanoseconds below ~104 days). */
  u64(): number {
    const at = this.need(8);
    return this.view.getUint32(at) * TWO_TO_32 + this.view.getUint32(at + 4);
  }

  /** A u64 that may use all 64 bits (pointers, addresses, task ids). */
  u64Big(): bigint {
    return this.view.getBigUint64(this.need(8));
  }

  /** The rest of the payload as UTF-8 text (strings whose length is implied by the payload size). */
  textToEnd(): string {
    const from = this.position;
    this.position = this.end;
    return utf8.decode(this.bytes.subarray(from, this.end));
  }

  /**
   * A NUL-terminated UTF-8 string (heap-profiling, IPE and ticky strings, eventlog-formats.rst).
   * A string missing its NUL runs to the end of the payload.
   */
  textNul(): string {
    const from = this.position;
    const nul = this.bytes.indexOf(0, from);
    const stop = nul < 0 || nul >= this.end ? this.end : nul;
    this.position = stop < this.end ? stop + 1 : this.end;
    return utf8.decode(this.bytes.subarray(from, stop));
  }

  /**
   * `count` bytes as one character per byte, as ghc-events reads its `String` fields
   * (`B8.unpack`; Mercury and Eden events).
   */
  latin1(count: number): string {
    const at = this.need(count);
    let text = '';
    for (let i = at; i < at + count; i++) text += String.fromCharCode(this.bytes[i]!);
    return text;
  }

  /** `count` raw bytes, copied so the event can outlive the input chunk. */
  copyBytes(count: number): Uint8Array {
    const at = this.need(count);
    return this.bytes.slice(at, at + count);
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
