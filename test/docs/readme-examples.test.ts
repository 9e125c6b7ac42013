// The outputs the README shows are what the tool prints today (`npm run readme` refreshes them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExamples, runExample } from '../support/readme-examples.js';
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
