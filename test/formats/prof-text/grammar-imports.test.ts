// The grammars in grammar/ stand alone: they import chevrotain and each other, never the
// model or the readers in src/ (the builders there adapt the grammars' output to the model).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/samples.js';

const grammarRoot = join(projectRoot, 'grammar');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('grammar/', () => {
  const files = sourceFiles(grammarRoot);

  it('holds the grammars and their shared line tokens and number scanning', () => {
    const names = files.map((file) => relative(grammarRoot, file));
    expect(names).toEqual(expect.arrayContaining(['common/line-token.ts', 'common/numbers.ts', 'prof-text/parser.ts', 'hp/parser.ts', 'rts-stats/parser.ts']));
  });

  for (const file of files) {
    it(`${relative(projectRoot, file)} imports only chevrotain and grammar/`, () => {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((match) => match[1]!);
      for (const specifier of specifiers) {
        if (specifier === 'chevrotain') continue;
        expect(specifier, specifier).toMatch(/^\.\.?\//);
        expect(relative(grammarRoot, resolve(dirname(file), specifier)), specifier).not.toMatch(/^\.\./);
      }
    });
  }
});
