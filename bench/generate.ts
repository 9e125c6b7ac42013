// Benchmark inputs made from the bundled samples, in the bench's scratch folder:
// - a `.prof` whose call tree is big.prof's rows under MAIN repeated until a size is reached.
//   The stacks repeat, so the result (folded stacks, per-cost-centre totals) stays the size of
//   big.prof's while the input grows: what "memory set by the result" is measured on. The
//   header totals no longer match the rows, which the readers warn about; the work is the same.
// - big.prof as GHC's `-pj` JSON, written from the profile ghcprof reads (ids, labels, modules,
//   SRC, entries, ticks and bytes of every node), for the JSON reader against `JSON.parse`.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { CallTreeNode } from '../src/model/call-tree.js';
import type { Profile } from '../src/model/profile.js';

/** Writes `source`'s header and flat table, MAIN, then its rows under MAIN repeated until at least `targetBytes`; returns the bytes written. */
export function repeatTreeRows(source: string, target: string, targetBytes: number): number {
  const text = readFileSync(source, 'utf8');
  const treeHeader = text.indexOf('COST CENTRE', text.indexOf('COST CENTRE') + 1);
  const mainLine = text.indexOf('\nMAIN', treeHeader) + 1;
  const underMain = text.indexOf('\n', mainLine) + 1;
  const head = Buffer.from(text.slice(0, underMain));
  const rows = Buffer.from(text.slice(underMain).replace(/\n*$/, '\n'));
  const fd = openSync(target, 'w');
  try {
    let written = writeSync(fd, head);
    while (written < targetBytes) written += writeSync(fd, rows);
    return written;
  } finally {
    closeSync(fd);
  }
}

interface JsonNode {
  id: number;
  entries: number;
  alloc: number;
  ticks: number;
  children: JsonNode[];
}

/** A profile as GHC's `-pj` writer lays it out (docs/formats.md §2.2). */
export function profJsonText(profile: Profile): string {
  const metadata = profile.metadata;
  const toJson = (node: CallTreeNode): JsonNode => ({
    id: node.costCentre.id,
    entries: node.entries,
    alloc: Math.round(node.bytes),
    ticks: Math.round(node.ticks),
    children: node.children.map(toJson),
  });
  return JSON.stringify({
    program: metadata.program ?? 'big',
    arguments: [],
    rts_arguments: ['-pj'],
    end_time: 'Tue Nov 24 01:03 2026',
    initial_capabilities: 0,
    total_time: metadata.totalTimeSecs ?? 0,
    total_ticks: metadata.totalTicks ?? 0,
    tick_interval: metadata.tickIntervalUs ?? 1000,
    total_alloc: metadata.totalAllocBytes ?? 0,
    cost_centres: profile.costCentres.map((cc) => ({ id: cc.id, label: cc.label, module: cc.module, src_loc: cc.src, is_caf: cc.isCaf })),
    profile: profile.root === null ? null : toJson(profile.root),
  });
}
