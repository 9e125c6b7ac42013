// Finds the runs behind the paths a user gives `aggregate` (and later `compare`): profile
// files, plain folders searched for profiles, and profnix run directories
// (`run/<tag>/meta.json` + `node-N/` folders with a profile and `cardano-node.stats`).
import { closeSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../model/diagnostic.js';
import type { RunDirectoryInfo } from '../model/run-meta.js';
import { isSummaryPath, parseRunSummary } from '../model/run-summary.js';
import { detectInputKind, type InputKind } from '../formats/detect.js';
import { parseRunMeta } from '../formats/profnix-meta/profnix-meta.js';
import { SNIFF_BYTES } from '../formats/common/sniff.js';
import { isGzip } from '../formats/common/gzip.js';
import { fsInputError } from './fs-error.js';
import { readTextFile } from './read-text-file.js';

export interface RunInput {
  profilePath: string;
  statsPath: string | null;
  runDirectory: string | null;
  node: string | null;
}

export interface CollectedRuns {
  inputs: RunInput[];
  runDirectories: RunDirectoryInfo[];
}

function sniff(path: string): InputKind {
  let head: Uint8Array;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = new Uint8Array(SNIFF_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fsInputError(path, error);
  }
  // Compressed: judged by name here (the reader sniffs the real content when it opens it).
  if (isGzip(head)) return path.endsWith('.eventlog.gz') ? 'eventlog' : path.endsWith('.prof.gz') ? 'prof-text' : 'unknown';
  return detectInputKind(head);
}

/** What is at `path`, or null when nothing is; any other failure to look (EACCES, ELOOP...) is an InputError. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw fsInputError(path, error);
  }
}

/**
 * A folder's entries but hidden ones (as a glob's `*` sees it), sorted. Read here, not globbed:
 * a glob passes over a folder it cannot read, and a run would go missing without a word.
 */
function folderEntries(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw fsInputError(path, error);
  }
}

/** Whether a folder entry is a file, a symbolic link followed to where it leads (a dangling one is not). */
function isFileEntry(folder: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && statOrNull(join(folder, entry.name))?.isFile() === true;
}

const isTimeProfile = (kind: InputKind): boolean => kind === 'prof-text' || kind === 'prof-json';

/** A node folder's run: its time profile (a .prof before an eventlog) and its RTS statistics. */
function nodeRun(nodeDir: string, runDirectory: string): RunInput | null {
  const files = folderEntries(nodeDir)
    .filter((entry) => isFileEntry(nodeDir, entry))
    .map((entry) => entry.name);
  const kinds = files.map((file) => [file, sniff(join(nodeDir, file))] as const);
  const profile = kinds.find(([, kind]) => isTimeProfile(kind)) ?? kinds.find(([, kind]) => kind === 'eventlog');
  if (profile === undefined) return null;
  const stats = files.find((file) => file.endsWith('.stats'));
  return {
    profilePath: join(nodeDir, profile[0]),
    statsPath: stats === undefined ? null : join(nodeDir, stats),
    runDirectory,
    node: basename(nodeDir),
  };
}

function runDirectory(path: string): { info: RunDirectoryInfo; inputs: RunInput[] } {
  const metaPath = join(path, 'meta.json');
  const info: RunDirectoryInfo = { path, meta: parseRunMeta(readTextFile(metaPath), metaPath) };
  const nodes = folderEntries(path)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(byNodeNumber);
  const inputs: RunInput[] = [];
  for (const node of nodes) {
    const run = nodeRun(join(path, node), path);
    if (run !== null) inputs.push(run);
  }
  if (inputs.length === 0) throw new InputError({ source: path }, 'run directory has no node folder with a profile (expected node-N/cardano-node.prof)');
  return { info, inputs };
}

/** node-2 before node-10. */
function byNodeNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * A run summary (`ghcprof summarize`) stands for its run: the input is the summary file, and
 * its run directory's meta comes from inside it (the folder itself may be on another machine).
 */
function summaryRun(path: string, runDirectories: RunDirectoryInfo[]): RunInput {
  const summary = parseRunSummary(readTextFile(path), path);
  const directory = summary.runDirectory;
  if (directory !== null && !runDirectories.some((info) => info.path === directory.path)) runDirectories.push({ path: directory.path, meta: directory.meta });
  return { profilePath: path, statsPath: null, runDirectory: summary.record.runDirectory, node: summary.record.node };
}

export async function collectRuns(paths: readonly string[]): Promise<CollectedRuns> {
  const inputs: RunInput[] = [];
  const runDirectories: RunDirectoryInfo[] = [];
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ profilePath: path, statsPath: null, runDirectory: null, node: null });
      continue;
    }
    const stat = statOrNull(path);
    if (stat === null) throw new InputError({ source: path }, 'no such file or folder');
    if (!stat.isDirectory()) {
      if (isSummaryPath(path)) inputs.push(summaryRun(path, runDirectories));
      else inputs.push({ profilePath: path, statsPath: null, runDirectory: null, node: null });
      continue;
    }
    if (statOrNull(join(path, 'meta.json')) !== null) {
      const found = runDirectory(path);
      runDirectories.push(found.info);
      inputs.push(...found.inputs);
      continue;
    }
    // A plain folder: run directories below it, and every other text or JSON profile.
    const metas = (await glob('**/meta.json', { cwd: path, onlyFiles: true })).map((meta) => join(path, meta, '..')).sort();
    for (const dir of metas) {
      const found = runDirectory(dir);
      runDirectories.push(found.info);
      inputs.push(...found.inputs);
    }
    const insideRunDirectories = (file: string): boolean => metas.some((dir) => !relative(dir, file).startsWith('..'));
    const files = (await glob('**/*', { cwd: path, onlyFiles: true })).sort(byNodeNumber);
    for (const file of files) {
      const full = join(path, file);
      if (insideRunDirectories(full)) continue;
      if (isSummaryPath(full)) {
        inputs.push(summaryRun(full, runDirectories));
        continue;
      }
      // Eventlogs are taken only when named: a folder's eventlogs are often heap or GC logs.
      if (isTimeProfile(sniff(full))) inputs.push({ profilePath: full, statsPath: null, runDirectory: null, node: null });
    }
  }
  if (inputs.length === 0) throw new InputError({ source: paths.join(' ') }, 'no profiles found (expected .prof files, eventlogs or profnix run directories)');
  return { inputs, runDirectories };
}
