// The floor for .prof parsing, as the speed issue defines it: Node reading the whole file,
// splitting it into lines and each trimmed line into whitespace-separated fields, nothing more.
import { readFileSync } from 'node:fs';
import { reportTask } from '../measure.js';

const lines = readFileSync(process.argv[2]!, 'utf8').split('\n');
let fields = 0;
for (const line of lines) fields += line.trim().split(/\s+/).length;
reportTask({ lines: lines.length, fields });
