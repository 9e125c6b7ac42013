import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { readHeapProfile } from '../../../src/formats/hp/hp.js';
import { allSampleFiles, readSample } from '../../support/samples.js';
import { readSimpleHeapProfile } from '../../support/simple-hp.js';

describe('.hp heap profiles', () => {
  const samples = allSampleFiles().filter((file) => file.endsWith('.hp'));

  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of samples) {
    it(`${file}: every census and band as in the file`, async () => {
      const text = readSample(file);
      const byStack = /^JOB ".*\+RTS.* -hc?\b/m.test(text);
      const expected = readSimpleHeapProfile(text, byStack);
      const series = await readHeapProfile([text], file);
      expect(series.breakdown === 'cost-centre stack').toBe(byStack);
      expect(series.samples).toHaveLength(expected.length);
      expect(series.samples.length).toBe((text.match(/^BEGIN_SAMPLE /gm) ?? []).length);
      series.samples.forEach((sample, i) => {
        expect(sample.timeSecs).toBe(expected[i]!.timeSecs);
        expect(sample.bytesByBand).toEqual(expected[i]!.bands);
      });
      expect(series.job).toBe(/^JOB "(.*)"$/m.exec(text)![1]);
      expect(series.date).toBe(/^DATE "(.*)"$/m.exec(text)![1]);
      expect(new Set(series.bands)).toEqual(new Set(expected.flatMap((census) => [...census.bands.keys()])));
      expect(series.warnings).toEqual([]);
    });
  }

  it('drops the run-specific (stack id) prefix of cost-centre stacks and sums stacks that then coincide', async () => {
    const series = await readHeapProfile(
      ['JOB "p +RTS -hc"\nDATE "d"\nSAMPLE_UNIT "seconds"\nVALUE_UNIT "bytes"\nBEGIN_SAMPLE 0.5\n(12)f/g...\t100\n(13)f/g...\t28\nMAIN\t8\nEND_SAMPLE 0.5\n'],
      'ids.hp',
    );
    expect(series.samples[0]!.bytesByBand).toEqual(new Map([['f/g...', 128], ['MAIN', 8]]));
    const byType = await readHeapProfile(['JOB "p +RTS -hy"\nDATE "d"\nSAMPLE_UNIT "seconds"\nVALUE_UNIT "bytes"\nBEGIN_SAMPLE 0.5\n(12)x\t100\nEND_SAMPLE 0.5\n'], 'hy.hp');
    expect(byType.bands).toEqual(['(12)x']);
  });

  it('keeps labels with spaces and splits at the last tab', async () => {
    const series = await readHeapProfile(
      ['JOB "p"\nDATE "d"\nSAMPLE_UNIT "seconds"\nVALUE_UNIT "bytes"\nBEGIN_SAMPLE 0.5\n<no location info> x\t128\nEND_SAMPLE 0.5\n'],
      'spaces.hp',
    );
    expect(series.samples[0]!.bytesByBand.get('<no location info> x')).toBe(128);
  });

  it('reads CRLF files and chunks split anywhere', async () => {
    const text = readSample('interp/a/heap.hp');
    const whole = await readHeapProfile([text], 'x');
    const crlf = await readHeapProfile([text.replace(/\n/g, '\r\n')], 'x');
    expect(crlf.samples).toEqual(whole.samples);
    const bytes = new TextEncoder().encode(text);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 333) chunks.push(bytes.subarray(i, i + 333));
    expect((await readHeapProfile(chunks, 'x')).samples).toEqual(whole.samples);
  });

  it('a file cut short keeps the complete censuses and warns', async () => {
    const text = readSample('interp/a/heap.hp');
    for (const fraction of [0.3, 0.5, 0.77, 0.95]) {
      const cut = text.slice(0, Math.floor(text.length * fraction));
      const complete = (cut.match(/^END_SAMPLE /gm) ?? []).length;
      const series = await readHeapProfile([cut], 'cut.hp');
      expect(series.samples).toHaveLength(complete);
      expect(series.warnings[0]!.message).toMatch(/truncated/);
    }
  });

  it('bad lines are one-line errors with the line number', async () => {
    const lines = readSample('interp/a/heap.hp').split('\n');
    lines[20] = 'what is this';
    await expect(readHeapProfile([lines.join('\n')], 'bad.hp')).rejects.toThrow(/^bad\.hp:21: expected a heap-profile line/);
    await expect(readHeapProfile(['JOB "x"\nDATE "d"\nSAMPLE_UNIT "seconds"\nVALUE_UNIT "bytes"\nfoo\t12\n'], 'b.hp')).rejects.toThrow(
      /^b\.hp:5: a band line outside BEGIN_SAMPLE/,
    );
    await expect(readHeapProfile([''], 'empty.hp')).rejects.toBeInstanceOf(InputError);
  });

  it('header, then censuses: a line out of order is an error at that line, whatever the chunking', async () => {
    const header = 'JOB "p"\nDATE "d"\nSAMPLE_UNIT "seconds"\nVALUE_UNIT "bytes"\n';
    const cases: Array<[text: string, error: RegExp]> = [
      ['BEGIN_SAMPLE 0\nEND_SAMPLE 0\n', /^o\.hp:1: expected the JOB\/DATE\/SAMPLE_UNIT\/VALUE_UNIT header before the first sample$/],
      [`${header}BEGIN_SAMPLE 0\nEND_SAMPLE 0\nDATE "late"\n`, /^o\.hp:7: DATE after the first sample; expected the JOB\/DATE\/SAMPLE_UNIT\/VALUE_UNIT header before the samples$/],
      [`${header}BEGIN_SAMPLE 0\nJOB "again"\n`, /^o\.hp:6: JOB after the first sample/],
      [`${header}BEGIN_SAMPLE 0.5\nx\t1\nBEGIN_SAMPLE 0.6\n`, /^o\.hp:7: BEGIN_SAMPLE inside the sample begun at line 5; expected END_SAMPLE 0\.5$/],
      [`${header}BEGIN_SAMPLE 0.5\nx\t1\nEND_SAMPLE 0.6\n`, /^o\.hp:7: END_SAMPLE 0\.6 closes the sample begun at 0\.5 \(line 5\)$/],
      [`${header}BEGIN_SAMPLE 0\nEND_SAMPLE 0\nEND_SAMPLE 0\n`, /^o\.hp:7: END_SAMPLE without BEGIN_SAMPLE$/],
      [`${header}SAMPLE_UNIT "ms"\n`, /^o\.hp:5: expected SAMPLE_UNIT "seconds", found "ms"$/],
    ];
    for (const [text, error] of cases) {
      const bytes = new TextEncoder().encode(text);
      for (const size of [bytes.length, 1, 9]) {
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
        await expect(readHeapProfile(chunks, 'o.hp'), `${JSON.stringify(text)} in chunks of ${size}`).rejects.toThrow(error);
      }
    }
  });

  it('a census split across chunks is read whole', async () => {
    const text = readSample('interp/a/heap.hp');
    const whole = await readHeapProfile([text], 'x');
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 7, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const chunked = await readHeapProfile(chunks, 'x');
      expect(chunked.samples).toEqual(whole.samples);
      expect(chunked.warnings).toEqual([]);
    }
  });
});
