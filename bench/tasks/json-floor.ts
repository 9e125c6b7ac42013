// The floor for `-pj` parsing: Node reading the whole file and `JSON.parse` of it.
import { readFileSync } from 'node:fs';
import { reportTask } from '../measure.js';

const parsed = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { cost_centres: unknown[] };
reportTask({ costCentres: parsed.cost_centres.length });
