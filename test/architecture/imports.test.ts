// The layering the code keeps, checked on every import statement:
// - the grammars in grammar/ stand alone: they import chevrotain and each other, never the model
//   or the readers in src/ (the builders there adapt the grammars' output to the model);
// - the eventlog reader is used through src/formats/eventlog/index.ts only (test/support's one
//   seam for the layout tests excepted);
// - analyses receive decoded events, never an input's chunks (they neither read nor decode);
// - the core (formats, model, analyses, renderers, grammars) imports no `node:` module, so it
//   runs in a browser bundle; files, processes and the terminal live in cli/, runs/, store/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/samples.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((match) => match[1]!),
    ...[...text.matchAll(/^import '([^']+)'/gm)].map((match) => match[1]!),
    ...[...text.matchAll(/\bimport\('([^']+)'\)/g)].map((match) => match[1]!),
  ];
}

/** The project-relative path a relative specifier points at (`.js` written for `.ts`). */
function target(file: string, specifier: string): string {
  return relative(projectRoot, resolve(dirname(file), specifier));
}

const grammarFiles = sourceFiles(join(projectRoot, 'grammar'));
const allFiles = ['src', 'test', 'bench', 'grammar'].flatMap((dir) => sourceFiles(join(projectRoot, dir)));
const eventlogFolder = 'src/formats/eventlog/';
const eventlogSeam = 'test/support/eventlog/internals.ts';
const coreFolders = ['src/formats/', 'src/model/', 'src/analyze/', 'src/render/', 'grammar/'];

describe('grammar/', () => {
  it('holds the grammars and their shared line tokens and number scanning', () => {
    const names = grammarFiles.map((file) => relative(join(projectRoot, 'grammar'), file));
    expect(names).toEqual(expect.arrayContaining(['common/line-token.ts', 'common/numbers.ts', 'prof-text/parser.ts', 'hp/parser.ts', 'rts-stats/parser.ts']));
  });

  for (const file of grammarFiles) {
    it(`${relative(projectRoot, file)} imports only chevrotain and grammar/`, () => {
      for (const specifier of specifiersOf(file)) {
        if (specifier === 'chevrotain') continue;
        expect(specifier, specifier).toMatch(/^\.\.?\//);
        expect(target(file, specifier), specifier).toMatch(/^grammar\//);
      }
    });
  }
});

describe('layers', () => {
  it('nothing outside src/formats/eventlog/ imports its internals', () => {
    const reaching = allFiles
      .filter((file) => !relative(projectRoot, file).startsWith(eventlogFolder) && relative(projectRoot, file) !== eventlogSeam)
      .flatMap((file) =>
        specifiersOf(file)
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => target(file, specifier))
          .filter((path) => path.startsWith(eventlogFolder) && path !== `${eventlogFolder}index.js`)
          .map((path) => `${relative(projectRoot, file)} -> ${path}`),
      );
    expect(reaching).toEqual([]);
  });

  it('analyses receive events, never chunks: nothing in src/analyze/ reads an input', () => {
    const reading = allFiles
      .filter((file) => relative(projectRoot, file).startsWith('src/analyze/'))
      .filter((file) => /\b(readEventlog|ByteChunks|TextChunks)\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(projectRoot, file));
    expect(reading).toEqual([]);
  });

  it('the core imports no node: module', () => {
    const core = allFiles.filter((file) => coreFolders.some((folder) => relative(projectRoot, file).startsWith(folder)));
    expect(core.length).toBeGreaterThan(100);
    const platform = core.flatMap((file) =>
      specifiersOf(file)
        .filter((specifier) => specifier.startsWith('node:') || ['fs', 'path', 'os', 'zlib', 'worker_threads', 'stream'].includes(specifier))
        .map((specifier) => `${relative(projectRoot, file)}: ${specifier}`),
    );
    expect(platform).toEqual([]);
  });
});
