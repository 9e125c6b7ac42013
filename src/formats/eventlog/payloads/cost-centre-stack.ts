// The cost-centre stack carried by heap samples (163) and time-profile samples (167):
// u8 depth (the RTS caps it at 255), then that many u32 cost-centre ids, innermost first,
// with `MAIN` left out (rts/eventlog/EventLog.c `postHeapProfSampleCostCentre`,
// `postProfSampleCostCentre`). The ids refer to HEAP_PROF_COST_CENTRE (161) definitions.
import type { PayloadReader } from '../payload-reader.js';

export function costCentreStack(r: PayloadReader): number[] {
  const depth = r.u8();
  r.requireBytes(depth * 4);
  const stack = new Array<number>(depth);
  for (let i = 0; i < depth; i++) stack[i] = r.u32();
  return stack;
}
