// Names and phrases of a timeline shared by its text reports and its charts.
import type { MetricStep, Suspect, Timeline, TimelineChangePoint, TimelineSeries } from '../../analyze/timeline.js';
import { formatP } from '../compare-report.js';
import { estimateMark, formatAmount, formatSignedPct } from '../metric-value.js';

// The timeline's text report takes the signed change from here, with the other phrases.

/** A stack's path is shown whole up to this many characters; a longer one loses frames from its middle. */
const STACK_NAME_WIDTH = 60;

/**
 * `MAIN.MAIN;…;Main.expr.atom;Main.lexeme`: a stack's path with the frames between its root
 * and those nearest its leaf elided when it is long (the leaf is always shown; JSON has the
 * whole path).
 */
function stackName(path: string): string {
  const frames = path.split(';');
  if (path.length <= STACK_NAME_WIDTH || frames.length <= 2) return path;
  let kept = 1;
  const shown = (tail: number): string => [frames[0]!, '…', ...frames.slice(frames.length - tail)].join(';');
  while (kept + 1 < frames.length - 1 && shown(kept + 1).length <= STACK_NAME_WIDTH) kept++;
  return shown(kept);
}

/** `eval (Main)`, `Main (module)`, a stack's path (stackName), or `run totals`. */
export function seriesName(series: Pick<TimelineSeries, 'kind' | 'module' | 'label' | 'stack'>): string {
  if (series.kind === 'run-total') return 'run totals';
  if (series.kind === 'stack' && series.stack !== null) return stackName(series.stack);
  if (series.kind === 'module' || series.label === null) return `${series.module ?? '?'} (module)`;
  return `${series.label} (${series.module ?? '?'})`;
}

/** The shortest prefixes (at least 7 characters) that tell two commits apart. */
function shortCommits(a: string, b: string): [string, string] {
  let length = 7;
  while (length < Math.max(a.length, b.length) && a.slice(0, length) === b.slice(0, length)) length++;
  return [a.slice(0, length), b.slice(0, length)];
}

/** `plutus-core 1.1.1.0 → 1.2.0.0`, `cardano-node c03cc00 → c04dd00`, `foo 1.0 (new)`, `foo (removed)`. */
export function describeSuspect(suspect: Suspect): string {
  switch (suspect.change) {
    case 'added':
      return `${suspect.component} ${suspect.to ?? ''} (new)`.replace('  ', ' ');
    case 'removed':
      return `${suspect.component} (removed)`;
    case 'commit': {
      if (suspect.from === null || suspect.to === null) return `${suspect.component} ${suspect.from ?? 'no commit'} → ${suspect.to ?? 'no commit'}`;
      const [from, to] = shortCommits(suspect.from, suspect.to);
      return `${suspect.component} ${from} → ${to}`;
    }
    default:
      return `${suspect.component} ${suspect.from ?? '?'} → ${suspect.to ?? '?'}`;
  }
}

export function describeSuspects(suspects: readonly Suspect[]): string {
  return suspects.length === 0 ? 'none (the manifests agree)' : suspects.map(describeSuspect).join(', ');
}

export function formatStepValue(step: Pick<MetricStep, 'unit' | 'estimated'>, value: number): string {
  return `${estimateMark(step.estimated)}${formatAmount(value, step.unit)}`;
}

/** `time +67.6% (≈137 ms → ≈227 ms, p<0.001)`. */
export function describeStep(step: MetricStep): string {
  const change = step.deltaPct === null ? (step.change > 0 ? 'from 0' : 'to 0') : formatSignedPct(step.deltaPct);
  return `${step.title} ${change} (${formatStepValue(step, step.beforeMedian)} → ${formatStepValue(step, step.afterMedian)}, ${formatP(step.pAdjusted)})`;
}

/**
 * `regression`, `improvement`, or `mixed` when the metrics of one change point disagree. For
 * the run totals, their time and alloc speak for the run when they stepped (RTS statistics
 * such as residency often move the other way).
 */
export function overallDirection(point: Pick<TimelineChangePoint, 'metrics' | 'kind'>): string {
  const main = point.kind === 'run-total' ? point.metrics.filter((step) => step.metric === 'time' || step.metric === 'alloc') : [];
  const directions = new Set((main.length > 0 ? main : point.metrics).map((step) => step.direction));
  return directions.size === 1 ? [...directions][0]! : 'mixed';
}

/** A build's name, with its position: `c04dd00`. */
export function buildName(timeline: Timeline, index: number): string {
  return timeline.builds[index]?.name ?? `#${index + 1}`;
}
