// The block marker that starts every flushed buffer (ghc-events Events.hs `buildEventInfo`).
import { line, type LineSpecs } from '../line-template.js';

export const blockMarkerLines = {
  // ghc-events ends this one with a newline of its own, so a blank line follows it.
  blockMarker: (f) => line`event block: cap ${f.cap}, end time: ${f.endTimeNs}\n`,
} satisfies Partial<LineSpecs>;
