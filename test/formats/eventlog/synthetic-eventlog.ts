// Builds small eventlogs byte by byte, for event layouts the real samples do not contain.
// Written from the format description (EventLogFormat.h), independently of the decoder.

export class Bytes {
  readonly values: number[] = [];

  u8(value: number): this {
    this.values.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }

  u32(value: number): this {
    return this.u16(Math.floor(value / 0x10000)).u16(value % 0x10000);
  }

  u64(value: number | bigint): this {
    const big = BigInt(value);
    return this.u32(Number(big >> 32n)).u32(Number(big & 0xffffffffn));
  }

  text(value: string): this {
    for (const byte of new TextEncoder().encode(value)) this.u8(byte);
    return this;
  }

  /** A NUL-terminated string. */
  textNul(value: string): this {
    return this.text(value).u8(0);
  }

  raw(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.u8(values[i]!);
    return this;
  }

  get length(): number {
    return this.values.length;
  }
}

export const payload = (): Bytes => new Bytes();

interface Declaration {
  id: number;
  sizeBytes: number | null;
  description: string;
}

export class SyntheticEventlog {
  private readonly declarations: Declaration[] = [];
  private readonly data = new Bytes();
  private endWritten = false;

  declare(id: number, sizeBytes: number | null, description: string): this {
    this.declarations.push({ id, sizeBytes, description });
    return this;
  }

  /** Appends an event; variable-size types (declared null) get their u16 length written. */
  event(typeId: number, timeNs: number, body: Bytes = new Bytes()): this {
    this.data.u16(typeId).u64(timeNs);
    const declared = this.declarations.find((d) => d.id === typeId);
    if (declared !== undefined && declared.sizeBytes === null) this.data.u16(body.length);
    this.data.raw(body.values);
    return this;
  }

  /** Raw bytes in the data section (to write what no well-formed log has). */
  rawData(values: ArrayLike<number>): this {
    this.data.raw(values);
    return this;
  }

  /** The end-of-data marker; `bytes()` adds it unless it was written already. */
  end(): this {
    this.data.u16(0xffff);
    this.endWritten = true;
    return this;
  }

  /** Offset the next data byte will have in the file. */
  get nextOffset(): number {
    return this.headerBytes().length + this.data.length;
  }

  private headerBytes(): Bytes {
    const header = new Bytes().text('hdrb').text('hetb');
    for (const d of this.declarations) {
      const description = new TextEncoder().encode(d.description);
      header.text('etb\0').u16(d.id).u16(d.sizeBytes ?? 0xffff).u32(description.length).raw(description).u32(0).text('ete\0');
    }
    return header.text('hete').text('hdre').text('datb');
  }

  bytes(): Uint8Array {
    const all = this.headerBytes().raw(this.data.values);
    if (!this.endWritten) all.u16(0xffff);
    return Uint8Array.from(all.values);
  }
}
