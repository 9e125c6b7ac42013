// The outputs the README shows are what the tool prints today (`npm run readme` refreshes them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawPicture, readmeExamples, readmePictures, runExample } from '../support/readme-examples.js';
import { projectRoot } from '../support/samples.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

describe('README examples', () => {
  it('has examples to check', () => {
    expect(readmeExamples(readme).length).toBeGreaterThan(5);
  });
  for (const example of readmeExamples(readme)) {
    it(`$ ${example.command}`, () => {
      expect(runExample(projectRoot, example.command), 'run `npm run readme` after an intended change').toBe(example.shown);
    });
  }
});

describe('README pictures', () => {
  it('has pictures to check', () => {
    expect(readmePictures(readme).length).toBeGreaterThan(0);
  });
  for (const picture of readmePictures(readme)) {
    it(`${picture.path} is what \`${picture.command}\` draws`, () => {
      const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-readme-'));
      try {
        const output = join(scratch, picture.path.split('/').pop()!);
        drawPicture(projectRoot, picture, output);
        expect(readFileSync(output, 'utf8') === readFileSync(join(projectRoot, picture.path), 'utf8'), 'run `npm run readme` after an intended change').toBe(true);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
});
