import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { walkCallTree } from '../../../src/model/call-tree.js';
import { readEventlogTimeProfile } from '../../../src/formats/eventlog/index.js';
import { readProfile } from '../../../src/formats/read-profile.js';
import { withUserMarkers } from '../../support/eventlog-edit.js';
import { readSample, samplePath } from '../../support/samples.js';

/** Sample lines of the ghc-events reference dump: `<time>: cap no <c>, prof sample <n>, cost centre stack a, b, c`. */
function referenceSamples(file: string): Array<{ timeNs: number; stack: number[] }> {
  return [...readSample(`${file}.reference`).matchAll(/^(\d+): cap no \d+, prof sample \d+, cost centre stack ([\d, ]*)$/gm)].map((match) => ({
    timeNs: Number(match[1]),
    // An empty stack is a tick charged to MAIN itself.
    stack: match[2]!.trim() === '' ? [] : match[2]!.split(', ').map(Number),
  }));
}

function referenceCostCentres(file: string): Map<number, string> {
  return new Map([...readSample(`${file}.reference`).matchAll(/^\d+: cost centre (\d+) (\S+) in (\S+) at /gm)].map((m) => [Number(m[1]), `${m[3]}.${m[2]}`]));
}

const bytes = (file: string): Uint8Array[] => [readFileSync(samplePath(file))];

describe('time profile from an eventlog', () => {
  for (const file of ['interp/a/time.eventlog', 'interp/b/time.eventlog', 'ghc-events/time-prof.eventlog']) {
    it(`${file}: one tick per ProfSampleCostCentre event, on the stack it names`, async () => {
      const samples = referenceSamples(file);
      const names = referenceCostCentres(file);
      expect(samples.length).toBeGreaterThan(10);
      const profile = await readEventlogTimeProfile(bytes(file), file);
      expect(profile.metadata.totalTicks).toBe(samples.length);
      expect(profile.root!.inheritedTicks).toBe(samples.length);
      // Ticks per stack path, outermost first, from the reference dump.
      const expected = new Map<string, number>();
      for (const sample of samples) {
        const path = ['MAIN.MAIN', ...[...sample.stack].reverse().map((id) => names.get(id)!)].filter((name, i) => i === 0 || name !== 'MAIN.MAIN');
        const key = path.join(';');
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const actual = new Map<string, number>();
      const path: string[] = [];
      walkCallTree(profile.root!, (node, depth) => {
        path.length = depth;
        path.push(`${node.costCentre.module}.${node.costCentre.label}`);
        if (node.ticks > 0) actual.set(path.join(';'), node.ticks);
      });
      expect(actual).toEqual(expected);
      expect(profile.measures).toMatchObject({ ticks: 'exact', bytes: 'absent', entries: 'absent' });
    });
  }

  it('reports, folds and ranks like any profile (read by content)', async () => {
    const profile = await readProfile(Readable.from(bytes('interp/a/time.eventlog')), 'time.eventlog');
    expect(profile.metadata.format).toBe('eventlog');
    expect(profile.metadata.program).toBe('interp');
    expect(profile.metadata.rtsArguments).toEqual(['-p', '-l']);
    expect(profile.metadata.tickIntervalUs).toBe(1000);
  });

  it('--from/--to keep the samples between user markers (prefix match)', async () => {
    const samples = referenceSamples('interp/a/time.eventlog');
    const start = samples[100]!.timeNs - 1;
    const end = samples[250]!.timeNs - 1;
    const log = withUserMarkers(readFileSync(samplePath('interp/a/time.eventlog')), [
      { timeNs: samples[20]!.timeNs - 1, name: 'warmup' },
      { timeNs: start, name: 'phase: replay' },
      { timeNs: samples[180]!.timeNs - 1, name: 'checkpoint' },
      { timeNs: end, name: 'phase: done' },
    ]);
    const expected = samples.filter((sample) => sample.timeNs >= start && sample.timeNs < end).length;
    const windowed = await readEventlogTimeProfile([log], 'marked.eventlog', { fromMarker: 'phase: r', toMarker: 'phase' });
    expect(expected).toBe(150);
    expect(windowed.root!.inheritedTicks).toBe(expected);
    const fromOnly = await readEventlogTimeProfile([log], 'marked.eventlog', { fromMarker: 'check' });
    expect(fromOnly.root!.inheritedTicks).toBe(samples.filter((sample) => sample.timeNs >= samples[180]!.timeNs - 1).length);
    const whole = await readEventlogTimeProfile([log], 'marked.eventlog');
    expect(whole.root!.inheritedTicks).toBe(samples.length);
  });

  it('an unknown marker is an error that lists the markers there are', async () => {
    await expect(readEventlogTimeProfile(bytes('interp/a/time.eventlog'), 'time.eventlog', { fromMarker: 'phase' })).rejects.toThrow(
      /no user marker starts with "phase"; markers: none in this eventlog/,
    );
  });

  it('a log without samples says so instead of giving an empty profile silently', async () => {
    const profile = await readEventlogTimeProfile(bytes('workers/n2.eventlog'), 'n2.eventlog');
    expect(profile.warnings.map((w) => w.message).join()).toMatch(/no time-profile samples/);
  });
});
