// The README's map of the tree ("How it is built") names folders that exist, and every folder a
// newcomer meets (top level, src/, grammar/) is on it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/samples.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## How it is built'), readme.indexOf('\n## ', readme.indexOf('## How it is built') + 1));
const mapRows = section.split('\n').filter((line) => line.startsWith('| `'));
const named = [...mapRows.join('\n').matchAll(/`([a-z][\w./-]*)`/g)].map((match) => match[1]!);

/** Every folder and file of the tree (node_modules and build output apart), project-relative. */
function treePaths(dir = ''): string[] {
  return readdirSync(join(projectRoot, dir)).flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules' || name === 'dist') return [];
    const path = dir === '' ? name : `${dir}/${name}`;
    return statSync(join(projectRoot, path)).isDirectory() ? [`${path}/`, ...treePaths(path)] : [path];
  });
}

const tree = treePaths();

/** A path in the map is project-relative, or (inside a row) relative to a folder on the tree. */
function resolvable(path: string): boolean {
  const plain = path.replace('<format>/', '');
  return existsSync(join(projectRoot, plain)) || tree.some((candidate) => candidate.endsWith(`/${plain}`));
}

const folders = (dir: string): string[] =>
  readdirSync(join(projectRoot, dir)).filter((name) => !name.startsWith('.') && statSync(join(projectRoot, dir, name)).isDirectory());

describe('README map of the tree', () => {
  it('has a row per place', () => {
    expect(mapRows.length).toBeGreaterThan(10);
  });

  it('names only paths that exist', () => {
    const missing = mapRows.flatMap((row) => [...row.matchAll(/`([a-z][\w./-]*\/|[a-z][\w/-]*\.ts)`/g)].map((match) => match[1]!).filter((path) => !resolvable(path)));
    expect(missing).toEqual([]);
  });

  it('names every top-level, src/ and grammar/ folder', () => {
    const ignored = new Set(['node_modules', 'dist']);
    const expected = [
      ...folders('.').filter((name) => !ignored.has(name)).map((name) => `${name}/`),
      ...folders('src').map((name) => `src/${name}/`),
    ];
    const text = named.join(' ');
    expect(expected.filter((folder) => !named.some((path) => path === folder || path.startsWith(folder)) && !text.includes(folder))).toEqual([]);
  });
});
