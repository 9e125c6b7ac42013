// Event versions and corner cases the real samples do not contain, in small logs built byte by
// byte. Expected lines follow ghc-events' printer (Events.hs `buildEventInfo`).
import { describe, expect, it } from 'vitest';
import { ALL_LAYOUTS, PayloadDecoders, PayloadReader, type EventlogHeader, type PayloadLayout } from '../../support/eventlog/internals.js';
import { decodeAll, renderShow } from './helpers.js';
import { payload, SyntheticEventlog } from './synthetic-eventlog.js';

/** The event lines of a rendered log (after "Events:", without the final blank line). */
async function eventLines(log: SyntheticEventlog): Promise<string[]> {
  const { text, warnings } = await renderShow([log.bytes()]);
  expect(warnings).toEqual([]);
  const lines = text.split('\n');
  return lines.slice(lines.indexOf('Events:') + 1, -2);
}

describe('event layouts chosen by declared size', () => {
  it('GC statistics before GHC 8.4 (50 bytes) have no balanced-copied field', async () => {
    const stats = payload().u32(0).u16(1).u64(3216).u64(21256).u64(950272).u32(2).u64(1000).u64(3216);
    const log = new SyntheticEventlog().declare(53, 50, 'GC statistics').event(53, 100, stats);
    expect(await eventLines(log)).toEqual([
      '100: GC stats for heap capset 0: generation 1, 3216 bytes copied, 21256 bytes slop, 950272 bytes fragmentation, 2 par threads, 1000 bytes max par copied, 3216 bytes total par copied',
    ]);
  });

  it('the non-moving census holds log2 of the block size up to 9.8 (13 bytes) and the size from 9.10 (14 bytes)', async () => {
    const old = new SyntheticEventlog().declare(207, 13, 'Nonmoving heap census').event(207, 5, payload().u8(4).u32(1).u32(2).u32(3));
    expect(await eventLines(old)).toEqual(['5: nonmoving heap census 16: 1 active segments, 2 filled segments, 3 live blocks']);
    const current = new SyntheticEventlog().declare(207, 14, 'Nonmoving heap census').event(207, 5, payload().u16(24).u32(1).u32(2).u32(3));
    expect(await eventLines(current)).toEqual(['5: nonmoving heap census 24: 1 active segments, 2 filled segments, 3 live blocks']);
  });

  it('a declared size larger than known is read with the newest known layout and the rest skipped', async () => {
    // GHC 6.12 declared CREATE_THREAD with 8 bytes while writing a u32 thread id and padding.
    const log = new SyntheticEventlog()
      .declare(0, 8, 'Create thread')
      .declare(1, 4, 'Run thread')
      .event(0, 10, payload().u32(7).u32(0xdeadbeef))
      .event(1, 20, payload().u32(7));
    expect(await eventLines(log)).toEqual(['10: creating thread 7', '20: running thread 7']);
  });

  it('a size smaller than any known layout, or a variable size for a fixed event, shows the description', async () => {
    const log = new SyntheticEventlog()
      .declare(2, 3, 'Stop thread (odd size)')
      .declare(45, null, 'Create capability (variable)')
      .event(2, 1, payload().u8(1).u8(2).u8(3))
      .event(45, 2, payload().u16(9).u16(9));
    expect(await eventLines(log)).toEqual(['1: Stop thread (odd size)', '2: Create capability (variable)']);
  });

  it('event types unknown to ghc-events are skipped by their declared size, fixed or variable', async () => {
    const log = new SyntheticEventlog()
      .declare(300, 5, 'Some future event')
      .declare(301, null, 'Some future variable event')
      .declare(0, 4, 'Create thread')
      .event(300, 1, payload().raw([1, 2, 3, 4, 5]))
      .event(301, 2, payload().text('whatever it holds'))
      .event(0, 3, payload().u32(42));
    expect(await eventLines(log)).toEqual(['1: Some future event', '2: Some future variable event', '3: creating thread 42']);
  });

  it('STOP_THREAD before GHC 7.6 (6 bytes) has no info field', async () => {
    const log = new SyntheticEventlog().declare(2, 6, 'Stop thread').declare(59, 0, 'Empty event for bug #9003').event(2, 9, payload().u32(3).u16(5));
    expect(await eventLines(log)).toEqual(['9: stopping thread 3 (thread finished)']);
  });
});

describe('stop statuses', () => {
  const statusLine = async (code: number, info: number, declareGhc782 = false): Promise<string> => {
    const log = new SyntheticEventlog().declare(2, 10, 'Stop thread').declare(58, null, 'User marker');
    if (!declareGhc782) log.declare(59, 0, 'Empty event for bug #9003');
    log.event(2, 1, payload().u32(1).u16(code).u32(info));
    return (await eventLines(log))[0]!;
  };

  it('follow what the RTS writes: why_blocked + 6 (rts/include/rts/Constants.h)', async () => {
    expect(await statusLine(2, 1024)).toBe('1: stopping thread 1 (stack overflow, size 1024)');
    expect(await statusLine(8, 17)).toBe('1: stopping thread 1 (blocked on black hole owned by thread 17)');
    expect(await statusLine(11, 0)).toBe('1: stopping thread 1 (blocked on threadDelay)');
    expect(await statusLine(12, 0)).toBe('1: stopping thread 1 (blocked in STM retry)');
    expect(await statusLine(18, 0)).toBe('1: stopping thread 1 (blocked in throwTo)');
    expect(await statusLine(20, 0)).toBe('1: stopping thread 1 (blocked reading an MVar)');
    expect(await statusLine(99, 0)).toBe('1: stopping thread 1 (No stop thread status)');
  });

  it('GHC 7.8.2 (USER_MARKER declared without HACK_BUG_T9003) shifted codes from 8 up by one', async () => {
    expect(await statusLine(8, 0, true)).toBe('1: stopping thread 1 (blocked reading an MVar)');
    expect(await statusLine(9, 4, true)).toBe('1: stopping thread 1 (blocked on black hole owned by thread 4)');
  });
});

describe('payload details', () => {
  it('ticky counter definitions read the info table only when the writer sent it', async () => {
    const withoutTable = payload().u64(11048952).u16(0).textNul('').textNul('Main.main1{v r1zC} (fun)');
    const withTable = payload().u64(11049168).u16(1).textNul('M').textNul('f').u64(0x4051e0).textNul('{"json":1}');
    const log = new SyntheticEventlog().declare(210, null, 'Ticky-ticky entry counter definition').event(210, 1, withoutTable).event(210, 2, withTable);
    expect(await eventLines(log)).toEqual([
      '1: ticky counter definition 11048952, arity: 0, def kinds: , name: Main.main1{v r1zC} (fun), itbl: 0',
      '2: ticky counter definition 11049168, arity: 1, def kinds: M, name: f, itbl: 4051e0',
    ]);
  });

  it('program arguments are shown as a Haskell list of strings', async () => {
    const args = payload().u32(0).text('prog\0caf\u00e9\0x"y\\z\0tab\there\0\u00e91\0\x0eH\0\x7f\0');
    const log = new SyntheticEventlog().declare(30, null, 'Program arguments').event(30, 1, args);
    expect(await eventLines(log)).toEqual(['1: capset 0: args: ["prog","caf\\233","x\\"y\\\\z","tab\\there","\\233\\&1","\\SO\\&H","\\DEL"]']);
  });

  it('binary messages show printable characters and a dot for anything else', async () => {
    const log = new SyntheticEventlog().declare(181, null, 'User binary message').event(181, 1, payload().raw([0x48, 0x69, 0x00, 0xff, 0x0a, 0xc3, 0xa9]));
    expect(await eventLines(log)).toEqual(['1: binary message Hi...\u00e9']);
  });

  it('heap profile begin lists the non-empty filters', async () => {
    const begin = payload().u8(0).u64(100000000).u32(4).textNul('Main').textNul('').textNul('').textNul('').textNul('').textNul('').textNul('');
    const log = new SyntheticEventlog().declare(160, null, 'Start of heap profile').event(160, 1, begin);
    expect(await eventLines(log)).toEqual(['1: start heap profiling 0 at sampling period 100000000 broken down by type description filtered by Main, ']);
  });

  it('a malformed payload stops the log there with a warning', async () => {
    const log = new SyntheticEventlog().declare(0, 4, 'Create thread').declare(163, null, 'Heap profile cost-centre sample');
    log.event(0, 1, payload().u32(1));
    const badOffset = log.nextOffset;
    log.event(163, 2, payload().u8(0).u64(48).u8(3).u32(1)); // depth 3, one id
    log.event(0, 3, payload().u32(2));
    const decoded = await decodeAll([log.bytes()]);
    expect(decoded.events.map((event) => event.timeNs)).toEqual([1]);
    expect(decoded.warnings.map((warning) => warning.location.byteOffset)).toEqual([badOffset]);
  });
});

describe('the data section', () => {
  it('ends at the end-of-data marker; bytes after it are not read', async () => {
    const log = new SyntheticEventlog().declare(0, 4, 'Create thread').event(0, 1, payload().u32(1)).end().rawData([0x12, 0x34, 0x56]);
    const decoded = await decodeAll([log.bytes()]);
    expect(decoded.events).toHaveLength(1);
    expect(decoded.warnings).toEqual([]);
  });

  it('an undeclared event type stops the log at its offset', async () => {
    const log = new SyntheticEventlog().declare(0, 4, 'Create thread').event(0, 1, payload().u32(1));
    const undeclaredAt = log.nextOffset;
    log.rawData(payload().u16(77).u64(2).values);
    const decoded = await decodeAll([log.bytes()]);
    expect(decoded.events).toHaveLength(1);
    expect(decoded.warnings.map((warning) => [warning.location.byteOffset, /not declared/.test(warning.message)])).toEqual([[undeclaredAt, true]]);
  });

  it('attributes events to the block marker capability for the bytes the block covers', async () => {
    const log = new SyntheticEventlog().declare(18, 14, 'Block marker').declare(0, 4, 'Create thread');
    // Block of cap 1 holding two 14-byte events: 24 + 28 bytes.
    log.event(18, 10, payload().u32(24 + 28).u64(50).u16(1));
    log.event(0, 11, payload().u32(1)).event(0, 12, payload().u32(2));
    log.event(0, 13, payload().u32(3)); // after the block: no capability
    log.event(18, 20, payload().u32(24 + 14).u64(60).u16(0xffff)); // global buffer
    log.event(0, 21, payload().u32(4));
    expect(await eventLines(log)).toEqual([
      '10: cap 1: event block: cap 1, end time: 50',
      '',
      '11: cap 1: creating thread 1',
      '12: cap 1: creating thread 2',
      '13: creating thread 3',
      '20: event block: cap 65535, end time: 60',
      '',
      '21: creating thread 4',
    ]);
  });

  it('sorts by time, keeping file order for equal times', async () => {
    const log = new SyntheticEventlog().declare(0, 4, 'Create thread');
    for (const [time, thread] of [[30, 1], [10, 2], [30, 3], [20, 4], [10, 5]]) log.event(0, time!, payload().u32(thread!));
    expect(await eventLines(log)).toEqual([
      '10: creating thread 2',
      '10: creating thread 5',
      '20: creating thread 4',
      '30: creating thread 1',
      '30: creating thread 3',
    ]);
  });
});

describe('only variable-size payloads can be malformed', () => {
  // The reader decodes only variable-size payloads ahead of printing, to stop at a malformed one
  // (PayloadDecoders.mayReject): a fixed layout must accept any bytes of its size.
  it('every fixed layout decodes any payload of its size', () => {
    const fixed = (ALL_LAYOUTS as readonly PayloadLayout[]).filter((layout) => layout.sizeBytes !== null);
    const header: EventlogHeader = { eventTypes: [], byId: new Map() };
    for (const layout of fixed) {
      const declaration = { id: layout.typeId, sizeBytes: layout.sizeBytes, description: '', extraInfo: new Uint8Array(0) };
      header.byId.set(layout.typeId, declaration);
    }
    const decoders = new PayloadDecoders(header);
    for (const layout of fixed) {
      for (const fill of [0x00, 0xff, 0x7f, 0x80]) {
        const bytes = new Uint8Array(layout.sizeBytes!).fill(fill);
        const view = new DataView(bytes.buffer);
        expect(() => layout.decode(new PayloadReader().reset(bytes, view, 0, bytes.length), { stopStatusEncoding: 'standard' })).not.toThrow();
      }
      const chosen = decoders.layoutFor(layout.typeId);
      if (chosen !== null && chosen.sizeBytes !== null) expect(decoders.mayReject(layout.typeId), `type ${layout.typeId}`).toBe(false);
    }
  });
});
