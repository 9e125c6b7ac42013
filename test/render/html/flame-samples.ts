// FlameData for the HTML viewer's tests: from real profiles under samples/, a real
// differential (interp build a vs b), and a hand-made tree whose names try to break the page.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { compareBuilds } from '../../../src/analyze/compare.js';
import { meanProfile } from '../../../src/analyze/mean-profile.js';
import { collectRuns } from '../../../src/runs/collect-runs.js';
import { loadRuns } from '../../../src/runs/load-runs.js';
import type { Profile } from '../../../src/model/profile.js';
import { parseProfJson } from '../../../src/formats/prof-json/prof-json.js';
import { parseProfText } from '../../../src/formats/prof-text/prof-text.js';
import { withDeltas } from '../../../src/render/diff-flame-data.js';
import { drawableMetrics, flameDataFromProfile, type FlameData, type FlameFrame } from '../../../src/render/flame-data.js';
import { readSample, samplePath } from '../../support/samples.js';

export async function interpFlameData(minWidthPct = 0.01): Promise<FlameData> {
  const profile = await parseProfText(readSample('interp/a/detailed-P.prof'), 'interp/a/detailed-P.prof');
  return flameDataFromProfile(profile, { metrics: drawableMetrics(profile), minWidthPct });
}

export async function interpJsonFlameData(): Promise<FlameData> {
  const profile = parseProfJson(readSample('interp/a/run-1.json.prof'), 'interp/a/run-1.json.prof');
  return flameDataFromProfile(profile, { metrics: drawableMetrics(profile), minWidthPct: 0.01 });
}

let bigProfile: Promise<Profile> | null = null;

/** samples/big/big.prof.gz: 458,767 call-tree nodes (parsed once per test file). */
export function bigFlameData(minWidthPct: number): Promise<FlameData> {
  bigProfile ??= parseProfText(gunzipSync(readFileSync(samplePath('big/big.prof.gz'))).toString('utf8'), 'big.prof');
  return bigProfile.then((profile) => flameDataFromProfile(profile, { metrics: ['time', 'alloc', 'entries'], minWidthPct }));
}

/** The new build (interp b, mean of 8 runs) marked with each stack's change against build a. */
export async function interpDifferentialFlameData(): Promise<FlameData> {
  const runs = async (build: string) => (await loadRuns(await collectRuns([1, 2, 3, 4, 5, 6, 7, 8].map((n) => samplePath(`interp/${build}/run-${n}.prof`))))).aggregator;
  const base = await runs('a');
  const next = await runs('b');
  const stacks = compareBuilds(base, next, { grouping: 'stack', metrics: ['time'], alpha: 0.05, correction: 'holm', minPct: 0 });
  const profile = meanProfile(next, 'interp b: mean of 8 runs');
  return withDeltas(flameDataFromProfile(profile, { metrics: ['time', 'alloc'], minWidthPct: 0.1, title: 'interp: b vs a' }), stacks, 'time');
}

/** Cost-centre names are program text: these try to end the script, open comments, inject markup. */
export const HOSTILE_NAMES = [
  '</script><img src=x onerror="window.__pwned=1">',
  '</SCRIPT ><script>window.__pwned=2</script>',
  '<!--<script>window.__pwned=3//',
  '-->"\'`${window.__pwned=4}`',
  'back\\slash\\"quote\\u003c',
  'λx → ünïcödé 日本語 🔥',
  'line\u2028separator\u2029paragraph',
  '<&amp;>&lt;',
  'lone surrogate \ud800 end',
];

export function hostileFlameData(): FlameData {
  const frames: FlameFrame[] = [{ name: 'MAIN.MAIN', module: 'MAIN', src: '<built-in>', parent: -1, total: [0, 0], self: [1, 10], merged: false }];
  HOSTILE_NAMES.forEach((name, index) => {
    // A chain: each hostile frame calls the next, so each one is drawn wide.
    const parent = index === 0 ? 0 : frames.length - 1;
    frames.push({ name, module: `Mod</script>${index}`, src: `<src ${name}>`, parent, total: [0, 0], self: [index + 1, 100 * (index + 1)], merged: false });
  });
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    frame.total = frame.total.map((_, m) => frame.self[m]! + frames.filter((child) => child.parent === i).reduce((sum, child) => sum + child.total[m]!, 0));
  }
  return {
    title: 'hostile </script><!-- "title" & \'more\'',
    subtitle: ['subtitle </script><b>bold?</b>', '<!-- second line -->'],
    metrics: [
      { key: 'time', unit: 'ticks', label: 'time', estimated: false },
      { key: 'alloc', unit: 'bytes', label: 'allocation', estimated: false },
    ],
    frames,
    mergedFrames: 0,
  };
}

/** Depth of every frame below the root. */
export function frameDepths(data: FlameData): number[] {
  const depths: number[] = [];
  data.frames.forEach((frame, index) => (depths[index] = frame.parent < 0 ? 0 : depths[frame.parent]! + 1));
  return depths;
}

/** Percent of the root's value under frames whose name passes `test`, each stack counted once. */
export function matchedSharePct(data: FlameData, metric: number, test: (name: string) => boolean): number {
  let sum = 0;
  data.frames.forEach((frame) => {
    if (!test(frame.name)) return;
    for (let at = frame.parent; at >= 0; at = data.frames[at]!.parent) if (test(data.frames[at]!.name)) return;
    sum += frame.total[metric]!;
  });
  return (sum / data.frames[0]!.total[metric]!) * 100;
}

/** Every kind of change, spread over a real tree: more, less, unchanged, added, removed (by frame index). */
export function withEveryChange(data: FlameData): FlameData {
  const kinds: Array<FlameFrame['delta']> = [
    { deltaPct: 40, significant: true, status: 'both' },
    { deltaPct: -30, significant: true, status: 'both' },
    { deltaPct: 3, significant: false, status: 'both' },
    { deltaPct: null, significant: false, status: 'added' },
    { deltaPct: null, significant: false, status: 'removed' },
    { deltaPct: 250, significant: true, status: 'both' },
  ];
  return { ...data, frames: data.frames.map((frame, index) => (index === 0 ? frame : { ...frame, delta: kinds[index % kinds.length] })) };
}
