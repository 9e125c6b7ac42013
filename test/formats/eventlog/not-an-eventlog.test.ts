// Input that is not an eventlog gives one InputError naming the source and the byte offset.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { scanEventlog } from '../../support/eventlog/read.js';
import { decodeAll, renderShow, sampleBytes, splitAt } from './helpers.js';

async function inputErrorOf(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('input that is not an eventlog', () => {
  it('a text profile is rejected at byte 0 from its first bytes', async () => {
    const bytes = sampleBytes('interp/a/run-1.prof');
    const error = await inputErrorOf(() => decodeAll([bytes], 'run-1.prof'));
    expect(error.location).toEqual({ source: 'run-1.prof', byteOffset: 0 });
    expect(error.message).toMatch(/^run-1\.prof: byte 0: not a GHC eventlog/);
    expect(error.message).not.toContain('\n');
  });

  it('is rejected even when its bytes arrive one at a time, and by every entry point', async () => {
    const bytes = sampleBytes('interp/a/heap.hp').subarray(0, 64);
    const oneByOne = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect((await inputErrorOf(() => decodeAll(oneByOne, 'heap.hp'))).location.byteOffset).toBe(0);
    expect((await inputErrorOf(() => renderShow([bytes], 'heap.hp'))).location.byteOffset).toBe(0);
    expect((await inputErrorOf(() => scanEventlog([bytes], 'heap.hp', () => {}))).location.byteOffset).toBe(0);
  });

  it('a damaged header is rejected at the offset of the damage', async () => {
    const bytes = sampleBytes('ghc-events/hello-ghc-8.6.5.eventlog').slice();
    // Break the end marker of the third event-type declaration.
    const endMarker = new TextEncoder().encode('ete\0');
    const ends: number[] = [];
    for (let at = 0; at + 4 <= bytes.length && ends.length < 3; at++) {
      if (endMarker.every((byte, k) => bytes[at + k] === byte)) ends.push(at);
    }
    bytes[ends[2]!] = 0x78;
    const error = await inputErrorOf(() => decodeAll(splitAt(bytes, 7, 100), 'hello.eventlog'));
    expect(error.location).toEqual({ source: 'hello.eventlog', byteOffset: ends[2] });
    expect(error.message).toMatch(/malformed eventlog header/);
  });

  it('an empty input is not an eventlog', async () => {
    const error = await inputErrorOf(() => decodeAll([], 'empty'));
    expect(error.location).toEqual({ source: 'empty', byteOffset: 0 });
  });
});
