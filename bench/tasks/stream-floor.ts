// The floor for eventlog decoding: Node streaming the input (through gunzip for .gz, as
// ghcprof reads it) and touching every 8th byte, so the data is really brought in.
import { openInput } from '../../src/runs/input.js';
import { reportTask } from '../measure.js';

let checksum = 0;
let bytes = 0;
for await (const chunk of openInput(process.argv[2]!).chunks()) {
  for (let i = 0; i < chunk.length; i += 8) checksum = (checksum + chunk[i]!) | 0;
  bytes += chunk.length;
}
reportTask({ bytes, checksum });
