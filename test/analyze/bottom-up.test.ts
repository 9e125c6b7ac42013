// The bottom-up view against the files: every number recomputed here from the rows as GHC
// printed them (test/support/simple-prof.ts, which shares no code with the parser), with the
// recursion rule written out once more: a call site's chain of callers climbs to MAIN and stops
// just below the next enclosing row of its own cost centre.
import { describe, expect, it } from 'vitest';
import { bottomUpCallTree, bottomUpForest, bottomUpView, type BottomUpForest } from '../../src/analyze/bottom-up.js';
import { costCentreTotals } from '../../src/analyze/cost-centre-totals.js';
import { rankTotals } from '../../src/analyze/ranking.js';
import { separateSystemCosts } from '../../src/formats/common/separate-system-costs.js';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { compactTreeOf } from '../../src/model/profile-tree.js';
import { flameDataFromProfile } from '../../src/render/flame-data.js';
import { foldedStacks } from '../../src/render/folded.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport, type SimpleRow } from '../support/simple-prof.js';

interface Costs {
  ticks: number;
  bytes: number;
  entries: number;
}

const name = (row: Pick<SimpleRow, 'module' | 'label'>): string => `${row.module}.${row.label}`;

/**
 * The rows with GHC's column overflow undone: where a long module name fills its column, GHC
 * prints the stack number right after it (`Language.PureScript.Parser.Declarations104975`), and a
 * split on white space reads both as the module.
 */
const unglued = (rows: SimpleRow[]): SimpleRow[] => rows.map((row) => ({ ...row, module: row.module.replace(/(?<=[A-Za-z_'])\d{5,}$/, '') }));

/** Chains of callers (`C<B<A`, the cost centre first) with the costs they carry, from the file's rows. */
function expectedChains(rows: SimpleRow[]): { chains: Map<string, Costs>; cut: number } {
  const chains = new Map<string, Costs>();
  const add = (chain: string, row: SimpleRow): void => {
    const costs = chains.get(chain) ?? { ticks: 0, bytes: 0, entries: 0 };
    costs.ticks += row.ticks ?? 0;
    costs.bytes += row.bytes ?? 0;
    costs.entries += row.entries;
    chains.set(chain, costs);
  };
  const ancestors: SimpleRow[] = [];
  let cut = 0;
  for (const row of rows) {
    while (ancestors.length > 0 && ancestors[ancestors.length - 1]!.depth >= row.depth) ancestors.pop();
    if ((row.ticks ?? 0) !== 0 || (row.bytes ?? 0) !== 0 || row.entries !== 0) {
      let chain = name(row);
      add(chain, row);
      for (let i = ancestors.length - 1; i >= 0; i--) {
        if (name(ancestors[i]!) === name(row)) {
          cut++;
          break;
        }
        chain += `<${name(ancestors[i]!)}`;
        add(chain, row);
      }
    }
    ancestors.push(row);
  }
  return { chains, cut };
}

/** The forest's nodes as chains, the same way. */
function forestChains(forest: BottomUpForest): Map<string, Costs> {
  const chains = new Map<string, Costs>();
  const path: string[] = [];
  for (let node = 0; node < forest.size; node++) {
    path.length = forest.depth[node]!;
    path.push(name(forest.costCentres[forest.centre[node]!]!));
    const chain = path.join('<');
    expect(chains.has(chain), `${chain} twice`).toBe(false);
    chains.set(chain, { ticks: forest.ticks[node]!, bytes: forest.bytes[node]!, entries: forest.entries[node]! });
  }
  return chains;
}

const everything = { roots: null, maxDepth: Number.MAX_SAFE_INTEGER, keep: () => true, order: 'ticks' } as const;

describe('bottom-up forest', () => {
  it('-P: every chain of callers carries the exact ticks, bytes and entries of the rows under it', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const simple = readSimpleReport(text);
    const forest = bottomUpForest(compactTreeOf(await parseProfText(text, 'x'))!, everything);
    const { chains } = expectedChains(simple.rows);
    expect(forestChains(forest)).toEqual(chains);
    // The roots add up to GHC's header totals: each tick and byte is some cost centre's own.
    let ticks = 0;
    let bytes = 0;
    for (let node = 0; node < forest.size; node++) {
      if (forest.depth[node] !== 0) continue;
      ticks += forest.ticks[node]!;
      bytes += forest.bytes[node]!;
    }
    expect([ticks, bytes]).toEqual([simple.totalTicks, simple.totalAllocBytes]);
  });

  it('-P: a root is its individual cost over all call sites, a direct caller the rows of it whose parent row is that caller', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const rows = readSimpleReport(text).rows;
    const forest = bottomUpForest(compactTreeOf(await parseProfText(text, 'x'))!, everything);
    const chains = forestChains(forest);
    const ancestors: SimpleRow[] = [];
    const direct = new Map<string, number>();
    const own = new Map<string, number>();
    for (const row of rows) {
      while (ancestors.length > 0 && ancestors[ancestors.length - 1]!.depth >= row.depth) ancestors.pop();
      own.set(name(row), (own.get(name(row)) ?? 0) + row.bytes!);
      const parent = ancestors[ancestors.length - 1];
      if (parent !== undefined) direct.set(`${name(row)}<${name(parent)}`, (direct.get(`${name(row)}<${name(parent)}`) ?? 0) + row.bytes!);
      ancestors.push(row);
    }
    for (const [costCentre, bytes] of own) if (bytes > 0) expect(chains.get(costCentre)?.bytes, costCentre).toBe(bytes);
    for (const [chain, bytes] of direct) if (bytes > 0) expect(chains.get(chain)?.bytes, chain).toBe(bytes);
    // lexeme: 92 ticks at 28 call sites in the file, 61 of them under expr.atom.
    expect(chains.get('Main.lexeme')?.ticks).toBe(92);
    expect(chains.get('Main.lexeme<Main.expr.atom')?.ticks).toBe(61);
  });

  it('recursion (a real purs profile, GHC 8.0): a chain stops below the next row of its own cost centre, so no root is counted twice', async () => {
    const text = readSample('real/maoe__ghc-prof__purs.prof');
    const forest = bottomUpForest(compactTreeOf(await parseProfText(text, 'x'))!, everything);
    const { chains, cut } = expectedChains(unglued(readSimpleReport(text).rows));
    // The file has stacks that enter a cost centre again further up (Text.Parsec.Prim.<|> among them).
    expect(cut).toBeGreaterThan(20);
    // -p prints no ticks or bytes: the entries are its exact numbers (ticks and bytes estimated from percentages make chains of no entries).
    const entries = (from: Map<string, Costs>): Map<string, number> => new Map([...from].filter(([, costs]) => costs.entries > 0).map(([chain, costs]) => [chain, costs.entries]));
    expect(entries(forestChains(forest))).toEqual(entries(chains));
    for (let node = 0, root = -1; node < forest.size; node++) {
      if (forest.depth[node] === 0) root = forest.centre[node]!;
      else expect(forest.centre[node], 'a root among its own callers').not.toBe(root);
    }
  });
});

describe('report --bottom-up rows', () => {
  it('the top cost centres of the flat table, in its order, each with its callers pruned by depth and share', async () => {
    const profile = separateSystemCosts(await parseProfText(readSample('ledger/all-pa.prof'), 'x'));
    const rows = bottomUpView(profile, { top: 6, sort: 'alloc', maxDepth: 3, minPct: 2 });
    const flat = rankTotals(costCentreTotals(profile, 'cost-centre'), 'alloc').slice(0, 6);
    const roots = rows.filter((row) => row.depth === 0);
    expect(roots.map((row) => [row.costCentre.label, row.costCentre.module, row.bytes, row.ticks, row.entries])).toEqual(
      flat.map((row) => [row.label, row.module, row.bytes, row.ticks, row.entries]),
    );
    expect(rows.length).toBeGreaterThan(roots.length);
    for (const [i, row] of rows.entries()) {
      expect(row.depth).toBeLessThanOrEqual(3);
      if (row.depth > 0) {
        expect(Math.max(row.timePct, row.allocPct)).toBeGreaterThanOrEqual(2);
        // A caller carries part of what the row it is a caller of carries.
        let at = i - 1;
        while (rows[at]!.depth !== row.depth - 1) at--;
        const below = rows[at]!;
        expect(row.bytes).toBeLessThanOrEqual(below.bytes);
      }
    }
  });
});

describe('flamegraph --bottom-up', () => {
  it('folded: each line of the folded stacks, frames reversed', async () => {
    const tree = compactTreeOf(await parseProfText(readSample('interp/a/detailed-P.prof'), 'x'))!;
    const lines = (pieces: Iterable<string>): string[] => [...pieces].join('').trimEnd().split('\n');
    const topDown = lines(foldedStacks(tree, 'alloc')).map((line) => {
      const weight = line.slice(line.lastIndexOf(' '));
      return `${line.slice(0, line.lastIndexOf(' ')).split(';').reverse().join(';')}${weight}`;
    });
    const bottomUp = lines(foldedStacks(bottomUpCallTree(tree, { order: 'bytes', minSharePct: 0, quantities: ['bytes'] }), 'alloc', { rootFrame: false }));
    expect(bottomUp.sort()).toEqual(topDown.sort());
  });

  it('frames: the root holds the whole program, above it the cost centres with their individual costs', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const simple = readSimpleReport(text);
    const profile = await parseProfText(text, 'x');
    const data = flameDataFromProfile(profile, { metrics: ['time', 'alloc'], minWidthPct: 0.1, bottomUp: true });
    expect(data.frames[0]!.total).toEqual([simple.totalTicks, simple.totalAllocBytes]);
    const lexeme = data.frames.find((frame) => frame.parent === 0 && frame.name === 'Main.lexeme')!;
    const own = simple.rows.filter((row) => name(row) === 'Main.lexeme');
    expect(lexeme.total).toEqual([own.reduce((sum, row) => sum + row.ticks!, 0), own.reduce((sum, row) => sum + row.bytes!, 0)]);
  });
});
