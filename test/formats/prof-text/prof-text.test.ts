import { describe, expect, it } from 'vitest';
import { walkCallTree, type CallTreeNode } from '../../../src/model/call-tree.js';
import { InputError } from '../../../src/model/diagnostic.js';
import type { Profile } from '../../../src/model/profile.js';
import { parseProfText, readProfText } from '../../../src/formats/prof-text/prof-text.js';
import { readSample, textProfSamples } from '../../support/samples.js';
import { readSimpleReport, simpleStacks } from '../../support/simple-prof.js';

function nodesInOrder(profile: Profile): Array<{ node: CallTreeNode; depth: number }> {
  const nodes: Array<{ node: CallTreeNode; depth: number }> = [];
  if (profile.root) walkCallTree(profile.root, (node, depth) => void nodes.push({ node, depth }));
  return nodes;
}

/** The hand-trimmed excerpt whose rows were cut by its authors (samples/README.md). */
const TRIMMED = 'real/fpco__profile-query__test.prof';

describe('text .prof: every sample', () => {
  const samples = textProfSamples();

  it('finds the text samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(40);
  });

  for (const file of samples) {
    it(`${file}: one node per call-tree row, header as printed`, async () => {
      const text = readSample(file);
      const simple = readSimpleReport(text);
      const profile = await parseProfText(text, file);
      expect(profile.nodeCount).toBe(simple.rows.length);
      expect(nodesInOrder(profile)).toHaveLength(simple.rows.length);
      expect(profile.metadata.totalTicks).toBe(simple.totalTicks);
      expect(profile.metadata.totalAllocBytes).toBe(simple.totalAllocBytes);
      expect(profile.metadata.tickIntervalUs).toBe(simple.tickIntervalUs);
      expect(profile.metadata.processors).toBe(simple.processors);
      // Entries and printed individual percentages row by row, in file order.
      const nodes = nodesInOrder(profile);
      simple.rows.forEach((row, i) => {
        const { node } = nodes[i]!;
        expect(node.costCentre.label).toBe(row.label);
        expect(node.entries).toBe(row.entries);
        expect(node.printed?.individualTimePct).toBe(row.individualTimePct);
        expect(node.printed?.individualAllocPct).toBe(row.individualAllocPct);
      });
      if (file !== TRIMMED) expect(profile.warnings).toEqual([]);
    });

    if (file !== TRIMMED && /\bticks\s+bytes\s*$/m.test(readSample(file))) {
      it(`${file}: individual ticks and bytes add up to GHC's totals`, async () => {
        const text = readSample(file);
        const simple = readSimpleReport(text);
        const profile = await parseProfText(text, file);
        expect(profile.measures.ticks).toBe('exact');
        let ticks = 0;
        let bytes = 0;
        for (const { node } of nodesInOrder(profile)) {
          ticks += node.ticks;
          bytes += node.bytes;
        }
        expect(ticks).toBe(simple.totalTicks);
        expect(bytes).toBe(simple.totalAllocBytes);
        expect(profile.root!.inheritedTicks).toBe(simple.totalTicks);
        expect(profile.root!.inheritedBytes).toBe(simple.totalAllocBytes);
      });
    }
  }
});

describe('text .prof: variants', () => {
  it('GHC 7.0 header: ticks @ 20 ms, no processor count, no SRC', async () => {
    const profile = await parseProfText(readSample('real/capn-freako__AMI-Tool__test.prof'), 'x');
    expect(profile.metadata.tickIntervalUs).toBe(20_000);
    expect(profile.metadata.processors).toBeNull();
    expect(profile.metadata.totalTimeSecs).toBe(19.3);
    expect(profile.root!.costCentre.src).toBeNull();
  });

  it('splits a module name jammed against its stack number (GHC < 8)', async () => {
    const text = readSample('real/maoe__ghc-prof__purs.prof');
    expect(text).toContain('Language.PureScript.Parser.Declarations104975');
    const profile = await parseProfText(text, 'x');
    const jammed = nodesInOrder(profile).find(({ node }) => node.stackId === 104975)!.node;
    expect(jammed.costCentre.label).toBe('parseModuleFromFile.filename');
    expect(jammed.costCentre.module).toBe('Language.PureScript.Parser.Declarations');
  });

  it('reads command line, RTS flags, timestamp and processors', async () => {
    const profile = await parseProfText(readSample('real/GuillaumedeVolpiano__adventOfCode__aoc2024.prof'), 'x');
    expect(profile.metadata.program).toBe('aoc2024');
    expect(profile.metadata.rtsArguments).toEqual(['-N8', '-p']);
    expect(profile.metadata.commandLine).toEqual(['aoc2024', '+RTS', '-N8', '-p', '-RTS', '-d16']);
    expect(profile.metadata.timestamp).toBe('Tue Dec 17 14:30 2024');
    expect(profile.metadata.processors).toBe(8);
  });

  it('keeps labels and SRC forms intact: lambdas, pattern bindings, CAF names, special SRC', async () => {
    const profiles = await Promise.all(
      ['interp/a/detailed-P.prof', 'real/IsaacShaha__advent-of-code-2023__main.prof', 'ledger/all-pa.prof'].map((file) =>
        parseProfText(readSample(file), file),
      ),
    );
    const labels = new Set(profiles.flatMap((profile) => profile.costCentres.map((cc) => cc.label)));
    const srcs = new Set(profiles.flatMap((profile) => profile.costCentres.map((cc) => cc.src)));
    expect(labels).toContain('main.\\');
    expect(labels).toContain('main.\\.(...)');
    expect([...labels].some((label) => label.startsWith('CAF:$f'))).toBe(true);
    expect(srcs).toContain('<no location info>');
    expect(srcs).toContain('<entire-module>');
    expect(srcs).toContain('<built-in>');
    expect(srcs).toContain('Interp.hs:(36,1)-(46,67)');
  });

  it('reads CRLF files exactly like LF files', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const lf = await parseProfText(text, 'x');
    const crlf = await parseProfText(text.replace(/\n/g, '\r\n'), 'x');
    expect(crlf.nodeCount).toBe(lf.nodeCount);
    expect(crlf.root!.inheritedBytes).toBe(lf.root!.inheritedBytes);
    expect(crlf.costCentres.map((cc) => cc.src)).toEqual(lf.costCentres.map((cc) => cc.src));
  });

  it('gives the same tree whatever the chunk boundaries, multi-byte characters included', async () => {
    // T5559-style unicode label: replace one label by a non-ASCII one, keeping the columns' content.
    const text = readSample('interp/a/run-1.prof').replace(/\bexpr\.term\b/g, 'expr.tørm');
    const bytes = new TextEncoder().encode(text);
    const whole = await parseProfText(text, 'x');
    for (const size of [1, 7, 64, 4093]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const chunked = await readProfText(chunks, 'x');
      expect(chunked.nodeCount).toBe(whole.nodeCount);
      expect(chunked.costCentres.map((cc) => `${cc.module}.${cc.label} ${cc.src}`)).toEqual(
        whole.costCentres.map((cc) => `${cc.module}.${cc.label} ${cc.src}`),
      );
      expect(chunked.costCentres.some((cc) => cc.label === 'expr.tørm')).toBe(true);
    }
  });

  it('parses a report larger than the longest string V8 allows, fed in chunks', async () => {
    // Nine rows padded with 64 MiB of spaces before their stack number: 576 MiB in all, more
    // than V8's string limit (2^29 - 24 characters), so no reader holding the file as one
    // string could parse it.
    const text = readSample('interp/a/detailed-P.prof');
    const lines = text.split('\n');
    const header = lines.findIndex((line) => line.includes(' no. '));
    const encoder = new TextEncoder();
    const padding = new Uint8Array(1 << 20).fill(32);
    let total = 0;
    function* chunks(): Generator<Uint8Array> {
      const emit = (bytes: Uint8Array): Uint8Array => {
        total += bytes.length;
        return bytes;
      };
      yield emit(encoder.encode(`${lines.slice(0, header + 2).join('\n')}\n`));
      for (const [i, line] of lines.slice(header + 2).entries()) {
        const split = /^(.*\S)(\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+)$/.exec(line);
        if (i < 9 && split) {
          yield emit(encoder.encode(split[1]));
          for (let k = 0; k < 64; k++) yield emit(padding);
          yield emit(encoder.encode(`${split[2]}\n`));
        } else {
          yield emit(encoder.encode(`${line}\n`));
        }
      }
    }
    const huge = await readProfText(chunks(), 'huge.prof');
    expect(total).toBeGreaterThan(2 ** 29);
    const normal = await parseProfText(text, 'normal.prof');
    expect(huge.nodeCount).toBe(normal.nodeCount);
    expect(huge.root!.inheritedTicks).toBe(readSimpleReport(text).totalTicks);
    expect(huge.root!.inheritedBytes).toBe(readSimpleReport(text).totalAllocBytes);
    expect(huge.warnings).toEqual([]);
  }, 120_000);

  it('reads very long lines', async () => {
    const text = readSample('interp/a/run-1.prof').replace(/\bmain\.\\\.steps\b/g, `main.\\.${'x'.repeat(100_000)}`);
    const profile = await parseProfText(text, 'x');
    expect(profile.costCentres.some((cc) => cc.label.length > 100_000)).toBe(true);
  });
});

describe('text .prof: the same run in three formats', () => {
  it('entries per stack agree across -p, -P and -pj output of one deterministic run', async () => {
    const { parseProfJson } = await import('../../../src/formats/prof-json/prof-json.js');
    const stackEntries = (profile: Profile): Map<string, number> => {
      const entries = new Map<string, number>();
      const path: string[] = [];
      walkCallTree(profile.root!, (node, depth) => {
        path.length = depth;
        path.push(`${node.costCentre.module}.${node.costCentre.label} ${node.costCentre.src}`);
        const key = path.join(';');
        entries.set(key, (entries.get(key) ?? 0) + node.entries);
      });
      return entries;
    };
    const plain = stackEntries(await parseProfText(readSample('interp/a/run-1.prof'), 'p'));
    const detailed = stackEntries(await parseProfText(readSample('interp/a/detailed-P.prof'), 'P'));
    const json = stackEntries(parseProfJson(readSample('interp/a/run-1.json.prof'), 'pj'));
    expect(plain.size).toBe(194);
    expect(detailed).toEqual(plain);
    // -pj keeps the zero-cost stacks that -p prunes: every -p stack is there with the same
    // entries, and the extra ones were never entered.
    for (const [stack, entries] of plain) expect(json.get(stack), stack).toBe(entries);
    for (const [stack, entries] of json) if (!plain.has(stack)) expect(entries, stack).toBe(0);
  });

  it('individual percentages recomputed from -P ticks match what GHC printed', async () => {
    const profile = await parseProfText(readSample('interp/a/detailed-P.prof'), 'x');
    const total = profile.metadata.totalTicks!;
    for (const { node } of nodesInOrder(profile)) {
      expect(Math.abs((node.ticks / total) * 100 - node.printed!.individualTimePct)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('the folded-stack paths the test reads naively exist in the parsed tree', async () => {
    const text = readSample('interp/b/detailed-P.prof');
    const profile = await parseProfText(text, 'x');
    const parsedPaths = new Set<string>();
    const path: string[] = [];
    walkCallTree(profile.root!, (node, depth) => {
      path.length = depth;
      path.push(`${node.costCentre.module}.${node.costCentre.label}`);
      parsedPaths.add(path.join(';'));
    });
    for (const { path: simplePath } of simpleStacks(readSimpleReport(text).rows)) expect(parsedPaths).toContain(simplePath);
  });
});

describe('text .prof: bad and truncated input', () => {
  it('rejects a file that is not a report with the file and line 1', async () => {
    await expect(parseProfText('hello world\nthis is not a profile\n', 'notes.txt')).rejects.toThrow(
      /^notes\.txt:1: expected a report header line/,
    );
  });

  it('names the line and what was expected for a broken row', async () => {
    const lines = readSample('interp/a/run-1.prof').split('\n');
    const treeHeader = lines.findIndex((line) => line.includes(' no. '));
    const broken = treeHeader + 10;
    lines[broken] = '   lexeme  Main  garbage here';
    const error = await parseProfText(lines.join('\n'), 'broken.prof').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(new RegExp(`^broken\\.prof:${broken + 1}: expected a call-tree row`));
    expect((error as InputError).message).not.toContain('\n');
  });

  it('the sections come in order: a line of the wrong section is an error at that line, whatever the chunking', async () => {
    const lines = readSample('interp/a/run-1.prof').split('\n');
    const flatHeader = lines.findIndex((line) => line.startsWith('COST CENTRE') && !line.includes(' no.'));
    const treeHeader = lines.findIndex((line) => line.includes(' no. '));
    const cases: Array<[edited: string[], line: number, message: RegExp]> = [
      // A table before the title.
      [[...lines.slice(1, flatHeader + 1), lines[0]!, ...lines.slice(flatHeader + 1)], flatHeader, /^expected the report title line before the cost-centre table$/],
      [[lines[treeHeader]!, ...lines], 1, /^expected the report title line before the call tree$/],
      // A header line in the flat table, the flat header in the tree, the title in the tree.
      [[...lines.slice(0, flatHeader + 3), lines[4]!, ...lines.slice(flatHeader + 3)], flatHeader + 4, /^expected a row of the cost-centre table .*, found "\\ttotal time/],
      [[...lines.slice(0, treeHeader + 5), lines[flatHeader]!, ...lines.slice(treeHeader + 5)], treeHeader + 6, /^expected a call-tree row .*, found "COST CENTRE/],
      [[...lines.slice(0, treeHeader + 5), lines[0]!, ...lines.slice(treeHeader + 5)], treeHeader + 6, /^expected a call-tree row .*, found "\\t.*Time and Allocation/],
    ];
    for (const [edited, line, message] of cases) {
      const bytes = new TextEncoder().encode(edited.join('\n'));
      for (const size of [bytes.length, 1, 50, 997]) {
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
        const error = await readProfText(chunks, 'order.prof').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).location.line, `chunks of ${size}`).toBe(line);
        expect((error as InputError).detail).toMatch(message);
      }
    }
  });

  it('an empty file is an error, not an empty profile', async () => {
    await expect(parseProfText('', 'empty.prof')).rejects.toBeInstanceOf(InputError);
  });

  it('a file cut mid-line keeps the rows before the cut and warns with the line', async () => {
    const text = readSample('interp/a/run-1.prof');
    const simple = readSimpleReport(text);
    const treeStart = text.indexOf('\n', text.indexOf(' no. ')) + 2;
    for (let cut = treeStart + 5; cut < text.length - 2; cut += 997) {
      const cutText = text.slice(0, cut);
      if (cutText.endsWith('\n')) continue;
      const profile = await parseProfText(cutText, 'cut.prof');
      const completeRows = cutText.slice(treeStart).split('\n').length - 1;
      expect(profile.nodeCount).toBe(Math.min(completeRows, simple.rows.length));
      const lastLine = cutText.split('\n').length;
      expect(profile.warnings.map((w) => w.location.line)).toContain(lastLine);
      expect(profile.warnings[0]!.message).toMatch(/truncated/);
    }
  });

  it('a -P file cut at a line boundary warns that costs are missing', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const lines = text.split('\n');
    const treeHeader = lines.findIndex((line) => line.includes(' no. '));
    for (let keep = treeHeader + 3; keep < lines.length - 2; keep += 17) {
      const missingBytes = readSimpleReport(text).rows.slice(keep - treeHeader - 2).reduce((sum, row) => sum + row.bytes!, 0);
      const profile = await parseProfText(`${lines.slice(0, keep).join('\n')}\n`, 'cut.prof');
      if (missingBytes > 0) expect(profile.warnings.map((w) => w.message).join(' ')).toMatch(/truncated/);
    }
  });

  it('a file cut inside the header is an error or a warning, never a crash', async () => {
    const text = readSample('interp/a/run-1.prof');
    const treeStart = text.indexOf(' no. ');
    for (let cut = 0; cut < treeStart; cut += 13) {
      try {
        const profile = await parseProfText(text.slice(0, cut), 'cut.prof');
        expect(profile.warnings.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    }
  });
});
