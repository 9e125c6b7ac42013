// The eventlog summary as text: what a reader needs to read the numbers right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summariseEventlog } from '../../src/index.js';
import { renderEventlogSummary } from '../../src/render/eventlog-summary.js';
import { readSample, samplePath } from '../support/samples.js';

const summaryText = async (file: string): Promise<string> => renderEventlogSummary(await summariseEventlog([readFileSync(samplePath(file))], { source: file }));

describe('eventlog summary text', () => {
  it('with heap profiling on (-hc), says that census time counts as GC, and how many censuses there were', async () => {
    const censuses = (readSample('interp/a/heap.eventlog.reference').match(/: start heap prof sample \d+$/gm) ?? []).length;
    expect(censuses).toBeGreaterThan(0);
    const text = await summaryText('interp/a/heap.eventlog');
    expect(text).toContain(`with heap profiling (${censuses} censuses): census time counts as GC, so productivity reads low`);
  });

  it('without heap profiling, says nothing of it', async () => {
    expect(readSample('interp/a/time.eventlog.reference')).not.toMatch(/start heap prof sample/);
    expect(await summaryText('interp/a/time.eventlog')).not.toContain('heap profiling');
  });

  it('one capability is "1 capability"; two are "2 capabilities"', async () => {
    expect(await summaryText('interp/a/heap.eventlog')).toMatch(/elapsed, 1 capability\n/);
    expect(await summaryText('workers/n2.eventlog')).toMatch(/elapsed, 2 capabilities\n/);
  });
});
