// The row scanner skips runs of blanks and crosses words four bytes at a time. Rows made here
// with blanks of every kind and length (spaces, tabs, mixed), words of every length from one
// byte, and names holding bytes one bit away from a space or a tab (0xA0, 0x29, 0x89, UTF-8)
// must split exactly as splitting the text at blanks does.
import { describe, expect, it } from 'vitest';
import {
  DEPTH,
  ENTRIES,
  INDIVIDUAL_ALLOC_PCT,
  INDIVIDUAL_TIME_PCT,
  INHERITED_ALLOC_PCT,
  INHERITED_TIME_PCT,
  LABEL,
  MODULE,
  SRC,
  STACK_ID,
  BYTES,
  TICKS,
  TreeRowBatch,
  scanTreeRow,
} from '../../../grammar/prof-text/tree-row-scanner.js';
import { seededRandom } from '../../support/seeded-random.js';

const NAME_CHARACTERS = ['a', 'Z', '_', '.', "'", ')', '(', '0', '9', ':', '<', '>', '\u00a0', '\u0129', '\u0909', 'é', 'λ', '→', '\u{1f600}'];

describe('scanTreeRow', () => {
  for (const layout of [
    { hasSrc: true, hasTicks: false },
    { hasSrc: true, hasTicks: true },
    { hasSrc: false, hasTicks: false },
  ]) {
    it(`splits 5,000 generated rows at their blanks (SRC ${layout.hasSrc}, ticks ${layout.hasTicks})`, () => {
      const random = seededRandom(layout.hasSrc ? (layout.hasTicks ? 11 : 12) : 13);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const blanks = (): string => Array.from({ length: 1 + Math.floor(random() * 11) }, () => (random() < 0.8 ? ' ' : '\t')).join('');
      const name = (): string => Array.from({ length: 1 + Math.floor(random() * 13) }, () => pick(NAME_CHARACTERS)).join('');
      const integer = (): number => Math.floor(random() * 10 ** Math.floor(random() * 12));
      const decimal = (): string => (Math.floor(random() * 1001) / 10).toFixed(1);
      const encoder = new TextEncoder();
      const decoder = new TextDecoder();
      const batch = new TreeRowBatch();
      for (let n = 0; n < 5000; n += 1) {
        const depth = Math.floor(random() * 40);
        const label = name();
        const module = name();
        const src = layout.hasSrc ? Array.from({ length: 1 + Math.floor(random() * 3) }, name).join(' ') : null;
        const id = integer();
        const entries = integer();
        const percentages = [decimal(), decimal(), decimal(), decimal()];
        const ticks = integer();
        const bytes = integer();
        const words = [label, module, ...(src === null ? [] : [src]), String(id), String(entries), ...percentages, ...(layout.hasTicks ? [String(ticks), String(bytes)] : [])];
        const text = ' '.repeat(depth) + words.map((word) => word + blanks()).join('').trimEnd() + (random() < 0.2 ? blanks() : '');
        // Bytes around the row, as in a run of lines: nothing outside [start, end) may be read as the row's.
        const before = encoder.encode('x\t\n');
        const row = encoder.encode(text);
        const all = new Uint8Array(before.length + row.length + 3);
        all.set(before);
        all.set(row, before.length);
        all.set(encoder.encode('\n7 '), before.length + row.length);
        batch.reset(all);
        const context = `row ${n}: ${JSON.stringify(text)}`;
        expect(scanTreeRow(all, before.length, before.length + row.length, layout, batch), context).toBe(true);
        const range = (column: number): string => decoder.decode(all.subarray(batch.range(0, column), batch.range(0, column + 1)));
        expect(batch.range(0, DEPTH), context).toBe(depth);
        expect(range(LABEL), context).toBe(label);
        expect(range(MODULE), context).toBe(module);
        if (src !== null) expect(range(SRC), context).toBe(src);
        else expect(batch.range(0, SRC), context).toBe(-1);
        expect(batch.number(0, STACK_ID), context).toBe(id);
        expect(batch.number(0, ENTRIES), context).toBe(entries);
        expect([INDIVIDUAL_TIME_PCT, INDIVIDUAL_ALLOC_PCT, INHERITED_TIME_PCT, INHERITED_ALLOC_PCT].map((column) => batch.number(0, column)), context).toEqual(percentages.map(Number));
        expect([batch.number(0, TICKS), batch.number(0, BYTES)], context).toEqual(layout.hasTicks ? [ticks, bytes] : [-1, -1]);
      }
    });
  }

  it('refuses a row whose last word is no number, wherever the blanks fall', () => {
    const encoder = new TextEncoder();
    const batch = new TreeRowBatch();
    for (const text of ['    main    Main    Main.hs:1:1    7    1    0.0    0.0    0.0    0.0x', 'main\tMain\t\t1\t1\t0.0\t0.0\t0.0', '        ']) {
      const bytes = encoder.encode(text);
      batch.reset(bytes);
      expect(scanTreeRow(bytes, 0, bytes.length, { hasSrc: true, hasTicks: false }, batch), text).toBe(false);
      expect(batch.length).toBe(0);
    }
  });
});
