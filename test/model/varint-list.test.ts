// Numbers written as varints come back as they were, in order, across many chunks and byte-length
// boundaries (2^7k, 2^31 where bitwise operators stop, 2^53), read as often as asked.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { VarintList } from '../../src/model/varint-list.js';

function readAll(blocks: VarintList): number[] {
  const reader = blocks.reader();
  const values: number[] = [];
  while (!reader.done) values.push(reader.next());
  return values;
}

describe('VarintList', () => {
  it('gives back every number in order, records of three never split, over chunks growing from 4 KiB to 1 MiB', () => {
    const next = seededRandom(23);
    const edges = [0, 1, 127, 128, 2 ** 14 - 1, 2 ** 14, 2 ** 21, 2 ** 28, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 35, 2 ** 49, 2 ** 53 - 1, 2 ** 53];
    const values: number[] = [];
    for (let i = 0; i < 300_000; i++) values.push(i < edges.length * 3 ? edges[i % edges.length]! : Math.floor(2 ** (next() * 53)));
    const blocks = new VarintList();
    for (let i = 0; i < values.length; i += 3) {
      blocks.reserve(3);
      for (const value of values.slice(i, i + 3)) blocks.push(value);
    }
    expect(readAll(blocks)).toEqual(values);
    expect(readAll(blocks), 'a second reading').toEqual(values);
  });

  it('reads nothing from an empty list', () => {
    expect(readAll(new VarintList())).toEqual([]);
  });
});
