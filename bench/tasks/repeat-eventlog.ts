// Writes the bench's big eventlog (generate-eventlog.ts) in a process of its own: the source and
// its copy take about 150 MB, which the runner would hold, unused, until its next collection,
// while it forks the tasks it measures. Arguments: source eventlog (unzipped), target, target bytes.
import { readFileSync } from 'node:fs';
import { repeatEventlog } from '../generate-eventlog.js';
import { reportTask } from '../measure.js';

const [source, target, targetBytes] = process.argv.slice(2);
const made = repeatEventlog(readFileSync(source!), target!, Number(targetBytes));
reportTask({ bytes: made.bytes, repeats: made.repeats, periodNs: made.periodNs });
