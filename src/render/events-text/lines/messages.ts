// Messages and markers (ghc-events Events.hs `buildEventInfo`).
import { printableBytes } from '../haskell-show.js';
import { line, via, type LineSpecs } from '../line-template.js';

export const messageLines = {
  logMessage: (f) => line`${f.message}`,
  userMessage: (f) => line`${f.message}`,
  userMarker: (f) => line`marker: ${f.name}`,
  userBinaryMessage: (f) => line`binary message ${via(f.payload, printableBytes)}`,
  internString: (f) => line`Interned string: "${f.text}" with id ${f.stringId}`,
} satisfies Partial<LineSpecs>;
