// How ghc-events names why a thread stopped (EventTypes.hs `showThreadStopStatus`).
import type { ThreadStopStatus } from '../../formats/eventlog/index.js';

export function formatThreadStopStatus(status: ThreadStopStatus): string {
  switch (status.reason) {
    case 'noStatus':
      return 'No stop thread status';
    case 'heapOverflow':
      return 'heap overflow';
    case 'stackOverflow':
      return `stack overflow, size ${status.info}`;
    case 'threadYielding':
      return 'thread yielding';
    case 'threadBlocked':
      return 'thread blocked';
    case 'threadFinished':
      return 'thread finished';
    case 'foreignCall':
      return 'making a foreign call';
    case 'blockedOnMVar':
      return 'blocked on an MVar';
    case 'blockedOnMVarRead':
      return 'blocked reading an MVar';
    case 'blockedOnBlackHole':
      return `blocked on black hole owned by thread ${status.info}`;
    case 'blockedOnRead':
      return 'blocked on I/O read';
    case 'blockedOnWrite':
      return 'blocked on I/O write';
    case 'blockedOnDelay':
      return 'blocked on threadDelay';
    case 'blockedOnSTM':
      return 'blocked in STM retry';
    case 'blockedOnDoProc':
      return 'blocked on asyncDoProc';
    case 'blockedOnCCall':
      return 'blocked in a foreign call';
    case 'blockedOnMsgThrowTo':
      return 'blocked in throwTo';
    case 'threadMigrating':
      return 'thread migrating';
  }
}
