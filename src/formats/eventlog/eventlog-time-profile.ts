// A time profile from an eventlog (`+RTS -p -l`, GHC >= 8.10): time-profile samples
// (event 167: capability, ticks, stack of cost-centre ids innermost first) and cost-centre
// definitions (161) become the same Profile a `.prof` gives. Samples carry no allocation
// and no entry counts, so those measures are absent.
import { addChild, computeInheritedCosts, countNodes, newCallTreeNode, type CallTreeNode } from '../../model/call-tree.js';
import { undefinedCostCentre, type CostCentre } from '../../model/cost-centre.js';
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import { emptyMetadata, type Profile } from '../../model/profile.js';
import { MAIN_COST_CENTRE, mainStandIn, sameCostCentreName } from '../../model/system-cost-centres.js';
import { commandLineParts } from '../common/command-line.js';
import { EventId } from './format.js';
import { readEventlog, requireHeader } from './read-eventlog.js';
import { impossibleWallClock, programName, wallClockIso } from './eventlog-process-info.js';
import type { ByteChunks } from '../common/byte-chunks.js';

export interface SampleWindow {
  /** Keep samples from the first user marker whose name starts with this. */
  fromMarker?: string;
  /** ... up to the first such marker after the start. */
  toMarker?: string;
}

interface PendingSample {
  timeNs: number;
  stack: number[];
}

const WANTED = new Set<number>([
  EventId.HEAP_PROF_COST_CENTRE,
  EventId.PROF_SAMPLE_COST_CENTRE,
  EventId.PROF_BEGIN,
  EventId.PROGRAM_ARGS,
  EventId.RTS_IDENTIFIER,
  EventId.WALL_CLOCK_TIME,
  EventId.CAP_CREATE,
  EventId.USER_MARKER,
]);

export async function readEventlogTimeProfile(
  chunks: ByteChunks,
  source: string,
  window: SampleWindow = {},
): Promise<Profile> {
  const metadata = emptyMetadata(source, 'eventlog');
  const costCentres = new Map<number, CostCentre>();
  const markers: Array<{ timeNs: number; name: string }> = [];
  // Samples are kept only when a marker window must be applied after the markers are known
  // (capabilities write in blocks, so a sample can come before an earlier-stamped marker).
  const windowed = window.fromMarker !== undefined || window.toMarker !== undefined;
  const pending: PendingSample[] = [];
  const root = newCallTreeNode(mainStandIn(-1), null);
  const warnings: InputWarning[] = [];
  let sampleEvents = 0;
  let capabilities = 0;
  let lastTimeNs = 0;

  const childFor = (parent: CallTreeNode, costCentre: CostCentre): CallTreeNode => {
    for (const child of parent.children) if (child.costCentre === costCentre) return child;
    const child = newCallTreeNode(costCentre, null);
    addChild(parent, child);
    return child;
  };
  const unknownCostCentre = (id: number): CostCentre => {
    // A sample can name a centre whose definition is missing (a log cut at its start).
    const placeholder = undefinedCostCentre(id);
    costCentres.set(id, placeholder);
    return placeholder;
  };
  const addSample = (stack: number[]): void => {
    let node = root;
    // Stacks arrive innermost first and stop before MAIN.
    for (let i = stack.length - 1; i >= 0; i--) {
      const id = stack[i]!;
      const costCentre = costCentres.get(id) ?? unknownCostCentre(id);
      if (node === root && sameCostCentreName(costCentre, MAIN_COST_CENTRE)) continue;
      node = childFor(node, costCentre);
    }
    node.ticks += 1;
  };

  const result = await readEventlog(chunks, { source, order: 'file', types: WANTED }, {
    raw: (raw) => {
      if (raw.timeNs > lastTimeNs) lastTimeNs = raw.timeNs;
    },
    event: (event) => {
      const info = event.info;
      switch (info.kind) {
        case 'heapProfCostCentre': {
          const existing = costCentres.get(info.costCentreId);
          const definition = { id: info.costCentreId, label: info.label, module: info.module, src: info.srcLoc, isCaf: info.isCaf };
          if (existing !== undefined) Object.assign(existing, definition);
          else costCentres.set(info.costCentreId, definition);
          if (sameCostCentreName(info, MAIN_COST_CENTRE)) root.costCentre = costCentres.get(info.costCentreId)!;
          break;
        }
        case 'profSampleCostCentre':
          sampleEvents++;
          // Each event is one tick of one capability; its `ticks` field is the running
          // tick count at that moment (rts/Proftimer.c handleProfTick), not a weight.
          if (windowed) pending.push({ timeNs: event.timeNs, stack: info.stack });
          else addSample(info.stack);
          break;
        case 'profBegin':
          metadata.tickIntervalUs = info.tickIntervalNs / 1000;
          break;
        case 'programArgs':
          metadata.program = programName(info.args);
          metadata.commandLine = info.args;
          metadata.rtsArguments = commandLineParts(info.args).rtsArguments;
          break;
        case 'wallClockTime':
          metadata.timestamp = wallClockIso(info.seconds, info.nanoseconds);
          if (metadata.timestamp === null) warnings.push({ location: { source, byteOffset: event.byteOffset }, message: impossibleWallClock(info.seconds) });
          break;
        case 'capCreate':
          capabilities++;
          break;
        case 'userMarker':
          markers.push({ timeNs: event.timeNs, name: info.name });
          break;
        default:
          break;
      }
    },
  });
  requireHeader(result, source);
  warnings.push(...result.warnings);

  if (windowed) {
    const { startNs, endNs } = markerWindow(markers, window, source);
    for (const sample of pending) if (sample.timeNs >= startNs && sample.timeNs < endNs) addSample(sample.stack);
  }
  if (sampleEvents === 0) {
    warnings.push({ location: { source }, message: 'the eventlog has no time-profile samples (run the program with +RTS -p -l, GHC >= 8.10)' });
  }
  computeInheritedCosts(root);
  const nodeCount = countNodes(root);
  metadata.totalTicks = root.inheritedTicks;
  metadata.processors = capabilities > 0 ? capabilities : null;
  metadata.totalTimeSecs = lastTimeNs / 1e9;
  const allCostCentres = [...costCentres.values()];
  if (root.costCentre.id === -1) allCostCentres.push(root.costCentre);
  return {
    metadata,
    costCentres: allCostCentres,
    root,
    nodeCount,
    measures: { ticks: 'exact', bytes: 'absent', entries: 'absent', percentages: 'derived' },
    printedFlatTable: [],
    system: null,
    warnings,
  };
}

function markerWindow(
  markers: ReadonlyArray<{ timeNs: number; name: string }>,
  window: SampleWindow,
  source: string,
): { startNs: number; endNs: number } {
  const sorted = [...markers].sort((a, b) => a.timeNs - b.timeNs);
  let startNs = 0;
  if (window.fromMarker !== undefined) {
    const from = sorted.find((marker) => marker.name.startsWith(window.fromMarker!));
    if (from === undefined) throw new InputError({ source }, `no user marker starts with "${window.fromMarker}"; markers: ${describeMarkers(sorted)}`);
    startNs = from.timeNs;
  }
  let endNs = Number.POSITIVE_INFINITY;
  if (window.toMarker !== undefined) {
    const to = sorted.find((marker) => marker.timeNs > startNs && marker.name.startsWith(window.toMarker!));
    if (to === undefined) throw new InputError({ source }, `no user marker after the start starts with "${window.toMarker}"; markers: ${describeMarkers(sorted)}`);
    endNs = to.timeNs;
  }
  return { startNs, endNs };
}

function describeMarkers(markers: ReadonlyArray<{ name: string }>): string {
  if (markers.length === 0) return 'none in this eventlog';
  const names = [...new Set(markers.map((marker) => JSON.stringify(marker.name)))];
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, ...` : names.join(', ');
}
