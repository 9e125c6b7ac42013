// Reader for GHC's JSON profile (`+RTS -pj`, GHC >= 8.2; formats-reference.md §2).
// Individual costs are exact; percentages are derived from the totals, which in JSON
// include system and idle cost centres.
import { addChild, computeInheritedCosts, newCallTreeNode, type CallTreeNode } from '../model/call-tree.js';
import type { CostCentre } from '../model/cost-centre.js';
import { InputError, type InputWarning } from '../model/diagnostic.js';
import { emptyMetadata, type Profile } from '../model/profile.js';
import { jsonErrorOffset } from './json-error-position.js';
import { closeTruncatedJson, reescapeCostCentres } from './json-repair.js';

interface JsonCostCentre {
  id: number;
  label: string;
  module: string;
  src_loc: string;
  is_caf: boolean;
}

interface JsonNode {
  id: number;
  entries?: number;
  alloc?: number;
  ticks?: number;
  children?: JsonNode[];
}

interface JsonProfile {
  program?: string;
  arguments?: string[];
  rts_arguments?: string[];
  end_time?: string;
  initial_capabilities?: number;
  total_time?: number;
  total_ticks?: number;
  tick_interval?: number;
  total_alloc?: number;
  cost_centres?: JsonCostCentre[];
  profile?: JsonNode;
}

function parseLeniently(text: string, source: string, warnings: InputWarning[]): JsonProfile {
  let firstError: Error;
  try {
    return JSON.parse(text) as JsonProfile;
  } catch (error) {
    firstError = error as Error;
  }
  const reescaped = reescapeCostCentres(text);
  try {
    const parsed = JSON.parse(reescaped) as JsonProfile;
    warnings.push({ location: { source }, message: 'names in the JSON were not escaped by GHC; read them as written' });
    return parsed;
  } catch {
    // fall through: maybe the file is cut short
  }
  const closed = closeTruncatedJson(reescaped);
  if (closed !== null) {
    try {
      const parsed = JSON.parse(closed) as JsonProfile;
      warnings.push({
        location: { source, byteOffset: byteLength(text) },
        message: `JSON ends early (truncated?) at byte ${byteLength(text)}; kept the cost centres and tree nodes read before that`,
      });
      return parsed;
    } catch {
      // report the original error below
    }
  }
  throw new InputError({ source, ...jsonErrorPosition(text) }, `invalid JSON profile: ${firstError.message.replace(/\s+/g, " ")}`);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The line of the first syntax error, for the message. */
function jsonErrorPosition(text: string): { line?: number } {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return {};
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line };
}

function requireNumber(value: unknown, what: string, source: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError({ source }, `expected a number for "${what}" in the JSON profile`);
  }
  return value;
}

export function parseProfJson(text: string, source: string): Profile {
  const warnings: InputWarning[] = [];
  const json = parseLeniently(text, source, warnings);
  if (json === null || typeof json !== 'object' || !Array.isArray(json.cost_centres) || json.profile === undefined) {
    throw new InputError({ source, line: 1 }, 'expected a GHC JSON profile with "cost_centres" and "profile"');
  }
  const metadata = emptyMetadata(source, 'prof-json');
  metadata.program = json.program ?? null;
  metadata.commandLine = [json.program ?? '', ...(json.arguments ?? []).slice(1)];
  metadata.rtsArguments = json.rts_arguments ?? [];
  metadata.timestamp = json.end_time ?? null;
  metadata.totalTimeSecs = json.total_time ?? null;
  metadata.totalTicks = json.total_ticks ?? null;
  metadata.tickIntervalUs = json.tick_interval ?? null;
  // GHC writes 0 capabilities when -N was not given (formats-reference.md §2.2): that is one.
  metadata.processors = json.initial_capabilities === undefined ? null : Math.max(1, json.initial_capabilities);
  metadata.totalAllocBytes = json.total_alloc ?? null;

  const costCentresById = new Map<number, CostCentre>();
  const costCentres: CostCentre[] = [];
  for (const record of json.cost_centres) {
    const costCentre: CostCentre = {
      id: requireNumber(record.id, 'cost_centres[].id', source),
      label: String(record.label),
      module: String(record.module),
      src: record.src_loc ?? null,
      isCaf: record.is_caf === true,
    };
    costCentresById.set(costCentre.id, costCentre);
    costCentres.push(costCentre);
  }

  // Iterative conversion: the JSON nests two levels per stack level.
  let nodeCount = 0;
  const convert = (json: JsonNode): CallTreeNode => {
    const costCentre = costCentresById.get(json.id);
    if (costCentre === undefined) {
      throw new InputError({ source }, `tree node refers to cost centre ${json.id}, which "cost_centres" does not define`);
    }
    const node = newCallTreeNode(costCentre, null, json.entries ?? 0, json.ticks ?? 0, json.alloc ?? 0);
    nodeCount++;
    return node;
  };
  const root = convert(json.profile);
  const pending: Array<[JsonNode, CallTreeNode]> = [[json.profile, root]];
  while (pending.length > 0) {
    const [jsonNode, node] = pending.pop()!;
    for (const jsonChild of jsonNode.children ?? []) {
      const child = convert(jsonChild);
      addChild(node, child);
      pending.push([jsonChild, child]);
    }
  }
  computeInheritedCosts(root);
  return {
    metadata,
    costCentres,
    root,
    nodeCount,
    measures: { ticks: 'exact', bytes: 'exact', entries: 'exact', percentages: 'derived' },
    printedFlatTable: [],
    warnings,
  };
}
