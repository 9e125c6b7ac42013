// Integer fields read straight from an event's bytes (integer-fields.ts) must be what decoding the
// event gives, for every field that can be read so, in every sample log.
import { describe, expect, it } from 'vitest';
import { ALL_LAYOUTS, integerField, readEventlog, type EventlogHeader, type IntegerField } from '../../../src/formats/eventlog/index.js';
import { allSampleFiles } from '../../support/samples.js';
import { sampleBytes } from './helpers.js';
import { payload, SyntheticEventlog } from './synthetic-eventlog.js';

/** Field types a fixed-size layout reads as a Number straight from the bytes. */
const NUMBER_READS = new Set(['u8', 'u16', 'u32', 'u64', 'i32 cap']);

const FIXED_LAYOUTS = ALL_LAYOUTS.filter((layout) => layout.sizeBytes !== null);

/** Every (kind, field) that each fixed-size version of the event holding it reads so. */
const NUMBER_FIELDS = [
  ...new Map(
    FIXED_LAYOUTS.flatMap((layout) =>
      layout.fields
        .filter((field) => NUMBER_READS.has(field.codec.type))
        .map((field) => [`${layout.kind}.${field.name}`, { kind: layout.kind, name: field.name }] as const),
    ),
  ).values(),
].filter(({ kind, name }) =>
  FIXED_LAYOUTS.filter((layout) => layout.kind === kind).every((layout) =>
    layout.fields.every((field) => field.name !== name || field.codec.bytes === 0 || NUMBER_READS.has(field.codec.type)),
  ),
);

/** The readers of this log's number fields, by event type. */
function fieldsOf(header: EventlogHeader): Map<number, Array<{ name: string; field: IntegerField }>> {
  const byType = new Map<number, Array<{ name: string; field: IntegerField }>>();
  for (const { kind, name } of NUMBER_FIELDS) {
    const field = integerField(header, kind as never, name as never);
    if (field === null) continue;
    byType.set(field.typeId, [...(byType.get(field.typeId) ?? []), { name, field }]);
  }
  return byType;
}

describe('integer fields read from the bytes', () => {
  it('cover the fields of the heap and GC events', () => {
    expect(NUMBER_FIELDS).toContainEqual({ kind: 'heapAllocated', name: 'allocatedBytes' });
    expect(NUMBER_FIELDS).toContainEqual({ kind: 'gcStats', name: 'generation' });
    expect(NUMBER_FIELDS).toContainEqual({ kind: 'gcStats', name: 'parallelBalancedCopiedBytes' });
  });

  it('a field some version holds other than as a plain integer is for decoding', () => {
    const log = new SyntheticEventlog().declare(207, 13, 'Nonmoving heap census');
    const headers: EventlogHeader[] = [];
    return readEventlog([log.bytes()], { source: 'census.eventlog', order: 'file' }, { header: (header) => headers.push(header) }).then(() => {
      expect(() => integerField(headers[0]!, 'nonmovingHeapCensus', 'blockSizeBytes')).toThrow(/not read as a Number/);
    });
  });

  for (const file of allSampleFiles().filter((name) => name.endsWith('.eventlog'))) {
    it(`${file}: every one equals the decoded field`, async () => {
      let fields = new Map<number, Array<{ name: string; field: IntegerField }>>();
      let read: Array<{ name: string; value: number }> = [];
      let compared = 0;
      await readEventlog([sampleBytes(file)], { source: file, order: 'file' }, {
        header: (header) => {
          fields = fieldsOf(header);
        },
        raw: (raw) => {
          read = (fields.get(raw.typeId) ?? []).map(({ name, field }) => ({ name, value: field.read(raw) }));
        },
        event: (event) => {
          const info = event.info as unknown as Record<string, unknown>;
          for (const { name, value } of read) expect(value, `${event.info.kind}.${name} at byte ${event.byteOffset}`).toBe(info[name]);
          compared += read.length;
        },
      });
      if (file === 'workers/n2.eventlog') expect(compared).toBeGreaterThan(100);
    });
  }

  it('a type declared smaller than its layout has no fields to read, as it decodes as unknown', () => {
    const log = new SyntheticEventlog().declare(51, 4, 'Live data in heap').declare(50, 12, 'Heap size');
    log.event(51, 1, payload().u32(0));
    const headers: EventlogHeader[] = [];
    return readEventlog([log.bytes()], { source: 'short.eventlog', order: 'file' }, { header: (header) => headers.push(header) }).then(() => {
      expect(integerField(headers[0]!, 'heapLive', 'liveBytes')).toBeNull();
      expect(integerField(headers[0]!, 'heapSize', 'sizeBytes')).not.toBeNull();
      expect(integerField(headers[0]!, 'heapAllocated', 'allocatedBytes')).toBeNull();
    });
  });
});
