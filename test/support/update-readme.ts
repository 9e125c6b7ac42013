// `npm run readme`: rewrites the README's example outputs from the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawPicture, readmePictures, refreshedReadme } from './readme-examples.js';
import { projectRoot } from './samples.js';

const path = join(projectRoot, 'README.md');
const before = readFileSync(path, 'utf8');
const after = refreshedReadme(projectRoot, before);
writeFileSync(path, after);
process.stdout.write(before === after ? 'README examples already current\n' : 'README examples rewritten\n');
for (const picture of readmePictures(after)) {
  const printed = drawPicture(projectRoot, picture);
  process.stdout.write(`${picture.path} drawn${printed === '' ? '' : `: ${printed.trim()}`}\n`);
}
