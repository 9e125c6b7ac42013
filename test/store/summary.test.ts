// A run summary puts into an aggregator exactly what its profile does (per cost centre and
// per module, every metric of every run), and survives its JSON file unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunAggregator, type AggregateRow } from '../../src/analyze/aggregate.js';
import { costCentreTotals } from '../../src/analyze/cost-centre-totals.js';
import { summarizeProfile } from '../../src/analyze/summarize-run.js';
import { InputError } from '../../src/model/diagnostic.js';
import { parseRunSummary, serializeRunSummary, type RunSummary } from '../../src/model/run-summary.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadProfile } from '../../src/runs/load-profile.js';
import { loadRuns } from '../../src/runs/load-runs.js';
import { hashProfile, summarizeProfileInput } from '../../src/store/summaries.js';
import { jsonProfSamples, samplePath, textProfSamples } from '../support/samples.js';

/** Every kind of GHC output: -p, -P, -pa, -pj and an eventlog's time samples. */
function sampleRuns(): string[] {
  return [...textProfSamples(), ...jsonProfSamples(), 'interp/a/time.eventlog', 'interp/b/time.eventlog'];
}

/** Rows as comparable values; Float64Array NaN compares equal to NaN with toEqual. */
function rowsOf(aggregator: RunAggregator, grouping: 'cost-centre' | 'module'): Array<Omit<AggregateRow, 'values'> & { values: number[] }> {
  return aggregator.rows(grouping).map((row) => ({ key: row.key, label: row.label, module: row.module, src: row.src, values: [...row.values] }));
}

async function summaryOf(file: string): Promise<RunSummary> {
  const path = samplePath(file);
  const result = await summarizeProfileInput({ profilePath: path, statsPath: null, runDirectory: null, node: null }, null);
  if ('skipped' in result) throw new Error(result.skipped);
  return result;
}

describe('run summaries', () => {
  it('addSummary puts in the same per cost centre and per module values as addRun, for every kind of profile, also after the JSON file', async () => {
    const files = sampleRuns();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const path = samplePath(file);
      const collected = await collectRuns([path]);
      const fromProfile = await loadRuns(collected);
      const summary = await summaryOf(file);
      const fromSummary = new RunAggregator(1);
      fromSummary.addSummary(summary);
      const fromFile = new RunAggregator(1);
      fromFile.addSummary(parseRunSummary(serializeRunSummary(summary), 'x.summary.json'));
      for (const aggregator of [fromSummary, fromFile]) {
        expect(rowsOf(aggregator, 'cost-centre'), file).toEqual(rowsOf(fromProfile.aggregator, 'cost-centre'));
        expect(rowsOf(aggregator, 'module'), file).toEqual(rowsOf(fromProfile.aggregator, 'module'));
        expect(aggregator.runs, file).toEqual(fromProfile.aggregator.runs);
        expect([...aggregator.kinds], file).toEqual([...fromProfile.aggregator.kinds]);
        expect(aggregator.programs, file).toEqual(fromProfile.aggregator.programs);
        for (const name of ['time', 'alloc', 'entries', 'time-share', 'alloc-share'] as const) {
          expect(aggregator.unavailableReason(name), `${file} ${name}`).toBe(fromProfile.aggregator.unavailableReason(name));
          expect(aggregator.isEstimated(name), `${file} ${name}`).toBe(fromProfile.aggregator.isEstimated(name));
        }
        expect(aggregator.hasStacks).toBe(false);
      }
      expect(fromProfile.aggregator.hasStacks).toBe(true);
    }
  });

  it('summaries of several runs pool like their profiles: 8 runs of build a, in order', async () => {
    const files = Array.from({ length: 8 }, (_, i) => `interp/a/run-${i + 1}.prof`);
    const fromProfiles = await loadRuns(await collectRuns(files.map(samplePath)));
    const dir = mkdtempSync(join(tmpdir(), 'ghcprof-summaries-'));
    const paths: string[] = [];
    for (const [i, file] of files.entries()) {
      const path = join(dir, `run-${i + 1}.summary.json`);
      writeFileSync(path, serializeRunSummary(await summaryOf(file)));
      paths.push(path);
    }
    const fromSummaries = await loadRuns(await collectRuns(paths));
    expect(rowsOf(fromSummaries.aggregator, 'cost-centre')).toEqual(rowsOf(fromProfiles.aggregator, 'cost-centre'));
    expect(rowsOf(fromSummaries.aggregator, 'module')).toEqual(rowsOf(fromProfiles.aggregator, 'module'));
    // A folder of summaries is read like a folder of profiles.
    const fromFolder = await loadRuns(await collectRuns([dir]));
    expect(rowsOf(fromFolder.aggregator, 'cost-centre')).toEqual(rowsOf(fromProfiles.aggregator, 'cost-centre'));
  });

  it('modules: individual costs are the sums of their centres; inherited ones are kept, since under recursion they are not', async () => {
    let recursive = 0;
    for (const file of sampleRuns()) {
      const profile = await loadProfile(samplePath(file));
      const summary = summarizeProfile(profile, { input: { profilePath: file, runDirectory: null, node: null }, stats: {}, runDirectory: null, sha256: '0'.repeat(64) });
      const byModule = costCentreTotals(profile, 'module');
      expect(summary.modules.map((module) => module.module)).toEqual(byModule.map((module) => module.key));
      for (const module of byModule) {
        const centres = summary.costCentres.filter((centre) => centre.module === module.key);
        const sum = (pick: (centre: (typeof centres)[number]) => number): number => centres.reduce((total, centre) => total + pick(centre), 0);
        // Estimates (-p) are fractions: summed in another order they agree to rounding.
        expect(sum((centre) => centre.ticks)).toBeCloseTo(module.ticks, 6);
        expect(sum((centre) => centre.bytes)).toBeCloseTo(module.bytes, 0);
        expect(sum((centre) => centre.entries)).toBe(module.entries);
        expect(sum((centre) => centre.callSites)).toBe(module.callSites);
        // One centre of a module calling another counts the callee's inherited costs twice in the sum.
        expect(sum((centre) => centre.inheritedTicks)).toBeGreaterThanOrEqual(module.inheritedTicks - 1e-6);
        if (sum((centre) => centre.inheritedBytes) > module.inheritedBytes + 0.5) recursive++;
      }
    }
    expect(recursive).toBeGreaterThan(0);
  });

  it('the hash is of the profile bytes, decompressed: a .prof and its .prof.gz are one run', async () => {
    const { gzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'ghcprof-hash-'));
    const plain = samplePath('interp/a/run-1.prof');
    const gz = join(dir, 'run-1.prof.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const { createHash } = await import('node:crypto');
    expect(await hashProfile(plain)).toBe(createHash('sha256').update(readFileSync(plain)).digest('hex'));
    expect(await hashProfile(gz)).toBe(await hashProfile(plain));
    expect((await summaryOf('interp/a/run-1.prof')).sha256).toBe(await hashProfile(plain));
  });

  it('a summary file of another version, or of another shape, is an input error that says so', async () => {
    const summary = await summaryOf('interp/a/run-1.prof');
    const text = serializeRunSummary(summary);
    expect(() => parseRunSummary(text.replace('"ghcprofSummary": 1', '"ghcprofSummary": 2'), 'x.summary.json')).toThrow(/format 2 is not known.*upgrade ghcprof/);
    expect(() => parseRunSummary('{"hello": 1}', 'x.summary.json')).toThrow(InputError);
    expect(() => parseRunSummary(text.replace('"callSites":', '"callSites":"x","was":'), 'x.summary.json')).toThrow(/costCentres\[0\]\.callSites: expected a number/);
    expect(() => parseRunSummary('{', 'x.summary.json')).toThrow(/invalid JSON/);
  });

  it('a summary error names the line: of the value of the wrong shape, or of the bad character', async () => {
    const text = serializeRunSummary(await summaryOf('interp/a/run-1.prof'));
    const lines = text.split('\n');
    const module = lines.indexOf('  "modules": [') + 4; // modules[2], counting lines from 1
    const broken = lines.map((line, i) => (i + 1 === module ? line.replace('"module":', '"module":7,"was":') : line)).join('\n');
    expect(() => parseRunSummary(broken, 'x.summary.json')).toThrow(new RegExp(`^x\\.summary\\.json:${module}: not a ghcprof run summary: modules\\[2\\]\\.module: expected a string$`));
    const unquoted = lines.map((line, i) => (i + 1 === module ? line.replace('"module":', 'module:') : line)).join('\n');
    expect(() => parseRunSummary(unquoted, 'x.summary.json')).toThrow(new RegExp(`^x\\.summary\\.json:${module}: invalid JSON`));
  });
});
