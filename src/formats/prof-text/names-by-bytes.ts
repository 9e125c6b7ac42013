// Finds a call-tree row's cost centre from the bytes of its label, module and SRC, so that a
// row of a centre seen before costs a hash and a comparison, not three decoded strings: a big
// report has half a million rows and a few thousand centres.

const SEPARATOR = 0xff; // never a byte of UTF-8 text

/** A [start, end) range of a row's bytes; start -1 for a field the row lacks. */
export interface ByteField {
  start: number;
  end: number;
}

export class NamesByBytes {
  /** Open addressing: entry + 1 per slot, 0 empty. */
  private slots = new Int32Array(1 << 12);
  private hashes: number[] = [];
  private values: number[] = [];
  /** Each entry's key (label, separator, module, separator, SRC) in one buffer. */
  private keys = new Uint8Array(1 << 16);
  private keyStart: number[] = [];
  private keyEnd = 0;
  /**
   * Views of the keys and of the row bytes last seen, to hash and compare four bytes at a time:
   * most rows are of a centre seen before, and each such hit compares every byte of its names.
   */
  private keysView: DataView = new DataView(this.keys.buffer);
  private viewedBytes: Uint8Array | null = null;
  private bytesView: DataView = new DataView(new ArrayBuffer(0));

  /** The value stored for these fields, or -1. */
  find(bytes: Uint8Array, label: ByteField, module: ByteField, src: ByteField): number {
    const hash = hashFields(bytes, this.viewOf(bytes), label, module, src);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.matches(entry, bytes, label, module, src)) return this.values[entry]!;
    }
  }

  add(bytes: Uint8Array, label: ByteField, module: ByteField, src: ByteField, value: number): void {
    const entry = this.values.length;
    const hash = hashFields(bytes, this.viewOf(bytes), label, module, src);
    this.hashes.push(hash);
    this.values.push(value);
    this.keyStart.push(this.keyEnd);
    this.append(bytes, label);
    this.appendByte(SEPARATOR);
    this.append(bytes, module);
    this.appendByte(SEPARATOR);
    this.append(bytes, src);
    this.keyStart.push(this.keyEnd);
    if (2 * (entry + 1) > this.slots.length) this.rehash();
    else this.place(entry, hash);
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.values.length; entry++) this.place(entry, this.hashes[entry]!);
  }

  private appendByte(byte: number): void {
    if (this.keyEnd === this.keys.length) this.growKeys(1);
    this.keys[this.keyEnd++] = byte;
  }

  private append(bytes: Uint8Array, field: ByteField): void {
    if (field.start < 0) return;
    const length = field.end - field.start;
    if (this.keyEnd + length > this.keys.length) this.growKeys(length);
    this.keys.set(bytes.subarray(field.start, field.end), this.keyEnd);
    this.keyEnd += length;
  }

  private growKeys(atLeast: number): void {
    const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keyEnd + atLeast));
    keys.set(this.keys.subarray(0, this.keyEnd));
    this.keys = keys;
    this.keysView = new DataView(keys.buffer);
  }

  /** A view of `bytes`, made once for all the rows of a batch. */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.viewedBytes) {
      this.viewedBytes = bytes;
      this.bytesView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.bytesView;
  }

  private matches(entry: number, bytes: Uint8Array, label: ByteField, module: ByteField, src: ByteField): boolean {
    const end = this.keyStart[2 * entry + 1]!;
    let at = this.matchRange(this.keyStart[2 * entry]!, end, bytes, label);
    if (at < 0 || at >= end || this.keys[at++] !== SEPARATOR) return false;
    at = this.matchRange(at, end, bytes, module);
    if (at < 0 || at >= end || this.keys[at++] !== SEPARATOR) return false;
    return this.matchRange(at, end, bytes, src) === end;
  }

  /** Where the key continues after matching `field` from keys[at] (before `end`); -1 on a difference. */
  private matchRange(at: number, end: number, bytes: Uint8Array, field: ByteField): number {
    if (field.start < 0) return at;
    const start = field.start;
    const length = field.end - start;
    if (end - at < length) return -1;
    const keysView = this.keysView;
    const bytesView = this.bytesView;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (keysView.getInt32(at + i) !== bytesView.getInt32(start + i)) return -1;
    const keys = this.keys;
    for (; i < length; i++) if (keys[at + i] !== bytes[start + i]) return -1;
    return at + length;
  }
}

/**
 * FNV-1a over each field's length and its last eight bytes, four at a time: where names differ
 * (the end of a label, of a module, the lines of a SRC), at a fraction of hashing every byte of
 * every row. Entries that hash alike are told apart by comparing all their bytes.
 */
function hashFields(bytes: Uint8Array, view: DataView, label: ByteField, module: ByteField, src: ByteField): number {
  let hash = 0x811c9dc5;
  hash = hashTail(hash, bytes, view, label);
  hash = hashTail(hash, bytes, view, module);
  hash = hashTail(hash, bytes, view, src);
  // A word's high bits reach only the hash's high bits; the table takes the low ones: mix them
  // down (MurmurHash3's finaliser).
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const FNV_PRIME = 0x01000193;

function hashTail(hash: number, bytes: Uint8Array, view: DataView, field: ByteField): number {
  if (field.start < 0) return Math.imul(hash ^ SEPARATOR, FNV_PRIME);
  const length = field.end - field.start;
  hash = Math.imul(hash ^ length, FNV_PRIME);
  if (length >= 8) {
    hash = Math.imul(hash ^ view.getInt32(field.end - 8), FNV_PRIME);
    return Math.imul(hash ^ view.getInt32(field.end - 4), FNV_PRIME);
  }
  for (let i = field.start; i < field.end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}
