// STOP_THREAD's status code. The RTS writes 1-6 for the StgRun return codes and
// `why_blocked + 6` for a blocked thread (rts/Schedule.c `traceEventStopThread`; why_blocked
// values from rts/include/rts/Constants.h): 7 MVar, 8 black hole, 9 read, 10 write, 11 delay,
// 12 STM, 13 DoProc, 16 CCall, 17 CCall_Interruptible, 18 MsgThrowTo, 19 ThreadMigrating,
// 20 MVarRead. GHC's own header comment says 16 = MsgThrowTo, which is wrong; ghc-events followed
// the comment until 2026 (issue #130, PR #131). We follow what the RTS writes.
import type { ThreadStopReason, ThreadStopStatus } from '../event-info.js';
import type { DecodeContext } from './layout.js';

const STANDARD: readonly ThreadStopReason[] = [
  'noStatus', // 0
  'heapOverflow', // 1
  'stackOverflow', // 2
  'threadYielding', // 3
  'threadBlocked', // 4
  'threadFinished', // 5
  'foreignCall', // 6
  'blockedOnMVar', // 7
  'blockedOnBlackHole', // 8
  'blockedOnRead', // 9
  'blockedOnWrite', // 10
  'blockedOnDelay', // 11
  'blockedOnSTM', // 12
  'blockedOnDoProc', // 13
  'blockedOnCCall', // 14: unused GUM state, kept as ghc-events decodes it
  'blockedOnCCall', // 15: unused GUM state
  'blockedOnCCall', // 16: BlockedOnCCall
  'blockedOnCCall', // 17: BlockedOnCCall_Interruptible
  'blockedOnMsgThrowTo', // 18
  'threadMigrating', // 19
  'blockedOnMVarRead', // 20 (since GHC 7.8.3)
];

/** GHC 7.8.2 inserted BlockedOnMVarRead at 8 and shifted the following codes up by one. */
const GHC_7_8_2: readonly ThreadStopReason[] = [
  'noStatus',
  'heapOverflow',
  'stackOverflow',
  'threadYielding',
  'threadBlocked',
  'threadFinished',
  'foreignCall',
  'blockedOnMVar',
  'blockedOnMVarRead', // 8
  'blockedOnBlackHole', // 9
  'blockedOnRead',
  'blockedOnWrite',
  'blockedOnDelay',
  'blockedOnSTM',
  'blockedOnDoProc',
  'blockedOnCCall',
  'blockedOnCCall',
  'blockedOnCCall',
  'blockedOnMsgThrowTo',
  'threadMigrating',
];

export function threadStopStatus(code: number, info: number, context: DecodeContext): ThreadStopStatus {
  const table = context.stopStatusEncoding === 'ghc-7.8.2' ? GHC_7_8_2 : STANDARD;
  // Codes beyond the table are not written by any GHC; ghc-events shows them as NoStatus.
  const reason = table[code] ?? 'noStatus';
  return { reason, info };
}
