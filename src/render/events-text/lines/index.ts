// How every kind of event prints, by family: the type requires a line for every kind.
import type { LineSpecs } from '../line-template.js';
import { blockMarkerLines } from './block-marker.js';
import { capabilityLines } from './capabilities.js';
import { gcLines } from './gc.js';
import { heapProfileLines } from './heap-profile.js';
import { messageLines } from './messages.js';
import { nonmovingLines } from './nonmoving.js';
import { otherRuntimeLines } from './other-runtimes.js';
import { schedulerLines } from './scheduler.js';
import { sparkLines } from './sparks.js';
import { tickyLines } from './ticky.js';
import { timeProfileLines } from './time-profile.js';

export const LINES: LineSpecs = {
  ...blockMarkerLines,
  ...schedulerLines,
  ...sparkLines,
  ...gcLines,
  ...capabilityLines,
  ...messageLines,
  ...heapProfileLines,
  ...timeProfileLines,
  ...nonmovingLines,
  ...tickyLines,
  ...otherRuntimeLines,
};
