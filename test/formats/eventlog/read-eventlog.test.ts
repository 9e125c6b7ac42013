// The reading API's contract with its visitor: which events it decodes, how a visitor ends the
// read (a reason becomes the warning, at the event) or holds it up (a promise), in both orders.
import { describe, expect, it } from 'vitest';
import { readEventlog, type EventlogEvent, type EventOrder, type RawEvent } from '../../../src/formats/eventlog/index.js';
import { sampleBytes, splitAt } from './helpers.js';
import { payload, SyntheticEventlog } from './synthetic-eventlog.js';

const CREATE_THREAD = 0;
const RUN_THREAD = 1;

/** Ten events: thread creations at even times, runs at odd ones. */
function smallLog(): { bytes: Uint8Array; offsets: number[] } {
  const log = new SyntheticEventlog().declare(CREATE_THREAD, 4, 'Create thread').declare(RUN_THREAD, 4, 'Run thread');
  const offsets: number[] = [];
  for (let i = 0; i < 10; i++) {
    offsets.push(log.nextOffset);
    log.event(i % 2 === 0 ? CREATE_THREAD : RUN_THREAD, 10 * i, payload().u32(i));
  }
  return { bytes: log.bytes(), offsets };
}

const ORDERS: EventOrder[] = ['file', 'time'];

describe('readEventlog', () => {
  it('decodes only the types asked for; every event reaches raw', async () => {
    const { bytes } = smallLog();
    const seen: number[] = [];
    const decoded: string[] = [];
    const result = await readEventlog([bytes], { source: 't', order: 'file', types: [RUN_THREAD] }, {
      raw: (raw) => {
        seen.push(raw.typeId);
      },
      event: (event) => {
        decoded.push(`${event.info.kind} ${event.timeNs}`);
      },
    });
    expect(seen).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(decoded).toEqual(['runThread 10', 'runThread 30', 'runThread 50', 'runThread 70', 'runThread 90']);
    expect(result).toMatchObject({ eventCount: 10, warnings: [] });
  });

  for (const order of ORDERS) {
    it(`${order} order: a stop with a reason ends the read at the event, with a warning there`, async () => {
      const { bytes, offsets } = smallLog();
      const times: number[] = [];
      const warnings: string[] = [];
      const result = await readEventlog([bytes], { source: 't', order }, {
        raw: (raw) => {
          times.push(raw.timeNs);
          if (raw.timeNs === 40) return { stop: 'enough' };
        },
        warning: (warning) => warnings.push(warning.message),
      });
      expect(times).toEqual([0, 10, 20, 30, 40]);
      expect(warnings).toEqual(['enough; stopped after 4 events']);
      expect(result.warnings.map((warning) => warning.location)).toEqual([{ source: 't', byteOffset: offsets[4] }]);
    });

    it(`${order} order: a quiet stop ends the read without a warning`, async () => {
      const { bytes } = smallLog();
      let visited = 0;
      const result = await readEventlog([bytes], { source: 't', order }, { raw: () => (++visited === 3 ? { stop: null } : undefined) });
      expect(visited).toBe(3);
      expect(result.warnings).toEqual([]);
    });

    it(`${order} order: a returned promise holds the next event back until it settles, and may stop the read`, async () => {
      const { bytes } = smallLog();
      const log: string[] = [];
      let waiting = false;
      const visit = (raw: RawEvent) => {
        expect(waiting).toBe(false);
        log.push(String(raw.timeNs));
        if (raw.timeNs % 20 !== 0) return;
        waiting = true;
        return new Promise<{ stop: string } | undefined>((resolve) =>
          setTimeout(() => {
            waiting = false;
            resolve(raw.timeNs === 80 ? { stop: 'later' } : undefined);
          }, 1),
        );
      };
      // Chunks cut inside events, so waits fall in the middle of chunks and across them.
      const result = await readEventlog(splitAt(bytes, 60, 75, 100), { source: 't', order }, { raw: visit });
      expect(log).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80']);
      expect(result.warnings.map((warning) => warning.message)).toEqual(['later; stopped after 8 events']);
    });
  }

  it('ignores values a visitor returns that are neither a stop nor a promise', async () => {
    const { bytes } = smallLog();
    const events: EventlogEvent[] = [];
    // A `void` function may return what it computed: here, the list's new length.
    const keep: (event: EventlogEvent) => void = (event) => events.push(event);
    const result = await readEventlog([bytes], { source: 't', order: 'file' }, { event: keep });
    expect(events).toHaveLength(10);
    expect(result.warnings).toEqual([]);
  });

  it('pausing on every event of a real log visits the same events as not pausing', async () => {
    const bytes = sampleBytes('workers/n2.eventlog');
    const plain: number[] = [];
    await readEventlog([bytes], { source: 't', order: 'file' }, {
      raw: (raw) => {
        plain.push(raw.byteOffset);
      },
    });
    const paused: number[] = [];
    await readEventlog(splitAt(bytes, 1000, 5000), { source: 't', order: 'file' }, {
      raw: (raw) => {
        paused.push(raw.byteOffset);
        return Promise.resolve();
      },
    });
    expect(paused).toEqual(plain);
  });
});
