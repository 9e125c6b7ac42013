// The floor for .prof parsing: Node reading the file and splitting it into lines and
// whitespace-separated fields, nothing more.
import { createReadStream } from 'node:fs';
import { reportTask } from '../measure.js';

const path = process.argv[2]!;
let pending = '';
let lines = 0;
let fields = 0;
const decoder = new TextDecoder();
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
  const text = pending + decoder.decode(chunk as Uint8Array, { stream: true });
  const parts = text.split('\n');
  pending = parts.pop()!;
  for (const line of parts) {
    lines++;
    fields += line.split(/\s+/).length;
  }
}
reportTask({ lines, fields });
