// Text and binary messages. LOG_MSG, USER_MSG and USER_MARKER carry text whose length is the
// payload size (no NUL; rts/eventlog/EventLog.c `postLogMsg`, `postUserEvent`); USER_BINARY_MSG
// (GHC 8.8, Debug.Trace.Binary) carries raw bytes. Layouts: ghc-events Binary.hs.
import { EventId } from '../format.js';
import { bytesToEnd, latin1BeforeU32, u32, utf8ToEnd } from './codecs.js';
import { layout } from './layout.js';

export const messageLayouts = [
  layout(EventId.LOG_MSG, 'logMessage', { message: utf8ToEnd }),
  layout(EventId.USER_MSG, 'userMessage', { message: utf8ToEnd }),
  layout(EventId.USER_MARKER, 'userMarker', { name: utf8ToEnd }),
  layout(EventId.USER_BINARY_MSG, 'userBinaryMessage', { payload: bytesToEnd }),
  // Mercury, never written by GHC: the string (ghc-events `getString`: one character per byte),
  // then its u32 id in the last 4 bytes.
  layout(EventId.INTERN_STRING, 'internString', { text: latin1BeforeU32, stringId: u32 }),
];
