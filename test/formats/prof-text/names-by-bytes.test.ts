// A row's cost centre found from its bytes is the one whose label, module and SRC are those
// bytes exactly: names that share their length and their last bytes (which is all the hash
// sees), that differ in one byte anywhere, or that lack a SRC are told apart. Checked against
// a Map of the names as strings.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../support/seeded-random.js';
import { NamesByBytes, type ByteField } from '../../../src/formats/prof-text/names-by-bytes.js';

type Name = [label: string, module: string, src: string | null];

/** The names laid out in one byte array, as a batch of rows is, at an offset so that no field is aligned. */
function rowsOf(names: readonly Name[], offset: number): { bytes: Uint8Array; fields: Array<[ByteField, ByteField, ByteField]> } {
  const encoder = new TextEncoder();
  const parts: number[] = Array.from({ length: offset }, () => 32);
  const fields = names.map(([label, module, src]): [ByteField, ByteField, ByteField] => {
    const field = (text: string | null): ByteField => {
      if (text === null) return { start: -1, end: -1 };
      const start = parts.length;
      parts.push(...encoder.encode(text), 32);
      return { start, end: start + encoder.encode(text).length };
    };
    return [field(label), field(module), field(src)];
  });
  return { bytes: Uint8Array.from(parts), fields };
}

describe('NamesByBytes', () => {
  it('finds each name it was given, and only those, among names alike in length and ending', () => {
    const next = seededRandom(11);
    const alphabet = 'abcXYZ._0129é';
    for (let trial = 0; trial < 60; trial++) {
      // A few shapes, then variants differing in one character anywhere: same length, same tail.
      const base = Array.from({ length: 1 + Math.floor(next() * 6) }, (): Name => {
        const word = (min: number): string => Array.from({ length: min + Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
        return [word(1), word(1), next() < 0.2 ? null : word(0)];
      });
      const names: Name[] = [];
      for (const [label, module, src] of base) {
        names.push([label, module, src]);
        for (let v = 0; v < 8; v++) {
          const change = (text: string): string => {
            const at = Math.floor(next() * text.length);
            return text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
          };
          const which = Math.floor(next() * 3);
          names.push(which === 0 ? [change(label), module, src] : which === 1 ? [label, change(module), src] : [label, module, src === null || src === '' ? 'x' : change(src)]);
        }
        names.push([label, module, src === null ? '' : null]);
      }
      const table = new NamesByBytes();
      const expected = new Map<string, number>();
      const given = names.filter(() => next() < 0.6);
      const stored = rowsOf(given, Math.floor(next() * 4));
      given.forEach((name, i) => {
        const key = JSON.stringify(name);
        const [label, module, src] = stored.fields[i]!;
        if (expected.has(key)) return;
        expect(table.find(stored.bytes, label, module, src)).toBe(-1);
        table.add(stored.bytes, label, module, src, expected.size);
        expected.set(key, expected.size);
      });
      // Looked up again from other bytes at other offsets, as a later batch of rows is.
      const looked = rowsOf(names, Math.floor(next() * 4));
      names.forEach((name, i) => {
        const [label, module, src] = looked.fields[i]!;
        expect(table.find(looked.bytes, label, module, src), `trial ${trial}: ${JSON.stringify(name)}`).toBe(expected.get(JSON.stringify(name)) ?? -1);
      });
    }
  });

  it('tells apart 300,000 short names, among which some share their whole hash', () => {
    const next = seededRandom(5);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz';
    // Fields of three bytes: compared byte by byte, and each name's whole text in its hash, so
    // names that share a hash (a few among this many) differ in bytes only the comparison sees.
    const word = (): string => Array.from({ length: 3 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const names = new Map<string, Name>();
    while (names.size < 300_000) {
      const name: Name = [word(), word(), word()];
      names.set(JSON.stringify(name), name);
    }
    const list = [...names.values()];
    const { bytes, fields } = rowsOf(list, 1);
    const table = new NamesByBytes();
    fields.forEach(([label, module, src], i) => table.add(bytes, label, module, src, i));
    const found = fields.map(([label, module, src]) => table.find(bytes, label, module, src));
    expect(found.every((value, i) => value === i)).toBe(true);
  });
});
