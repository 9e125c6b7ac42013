// Text and binary messages. LOG_MSG, USER_MSG and USER_MARKER carry text whose length is the
// payload size (no NUL; rts/eventlog/EventLog.c `postLogMsg`, `postUserEvent`); USER_BINARY_MSG
// (GHC 8.8, Debug.Trace.Binary) carries raw bytes. Layouts: ghc-events Binary.hs.
import { EventId } from '../format.js';
import type { PayloadLayout } from './layout.js';

export const messageLayouts: PayloadLayout[] = [
  { typeId: EventId.LOG_MSG, sizeBytes: null, decode: (r) => ({ kind: 'logMessage', message: r.textToEnd() }) },
  { typeId: EventId.USER_MSG, sizeBytes: null, decode: (r) => ({ kind: 'userMessage', message: r.textToEnd() }) },
  { typeId: EventId.USER_MARKER, sizeBytes: null, decode: (r) => ({ kind: 'userMarker', name: r.textToEnd() }) },
  {
    typeId: EventId.USER_BINARY_MSG,
    sizeBytes: null,
    decode: (r) => ({ kind: 'userBinaryMessage', payload: r.copyBytes(r.remainingBytes) }),
  },
  // INTERN_STRING (Mercury, never written by GHC): the string, then its u32 id in the last 4 bytes.
  {
    typeId: EventId.INTERN_STRING,
    sizeBytes: null,
    decode: (r) => {
      // ghc-events reads the string as bytes (`getString`): one character per byte.
      const text = r.latin1(Math.max(0, r.remainingBytes - 4));
      return { kind: 'internString', text, stringId: r.u32() };
    },
  },
];

