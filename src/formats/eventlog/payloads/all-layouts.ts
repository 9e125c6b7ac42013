// Every payload layout known, by family.
import { blockMarkerLayouts } from './block-marker.js';
import { capabilityLayouts } from './capabilities.js';
import { gcLayouts } from './gc.js';
import { heapProfileLayouts } from './heap-profile.js';
import { messageLayouts } from './messages.js';
import { nonmovingLayouts } from './nonmoving.js';
import { otherRuntimeLayouts } from './other-runtimes.js';
import { schedulerLayouts } from './scheduler.js';
import { sparkLayouts } from './sparks.js';
import { tickyLayouts } from './ticky.js';
import { timeProfileLayouts } from './time-profile.js';

export const ALL_LAYOUTS = [
  ...blockMarkerLayouts,
  ...schedulerLayouts,
  ...sparkLayouts,
  ...gcLayouts,
  ...capabilityLayouts,
  ...messageLayouts,
  ...heapProfileLayouts,
  ...timeProfileLayouts,
  ...nonmovingLayouts,
  ...tickyLayouts,
  ...otherRuntimeLayouts,
];
