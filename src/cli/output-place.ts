// What an output path names, decided before anything is written: a regular file (or no file
// yet) is written atomically, a temporary file beside it renamed onto it; a FIFO or a device
// (`-o /dev/null`, `-o >(gzip > x.gz)`) is opened and written straight into, since a rename
// would put a regular file in its place and the reader at the other end would get nothing. A
// symbolic link is followed and kept: the file it leads to is the one replaced, as a shell's
// `>` writes through a link (dangling: the file it names is made). A folder, a socket, a
// missing or read-only folder are refused, with the reason, before any work.
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsErrorReason } from '../runs/fs-error.js';
import { UsageError } from './run-command.js';

export type OutputPlace =
  /** `path` (the link's target for a link) replaced by rename; `mode`: the permissions of the file replaced, null for a new one. */
  | { kind: 'file'; path: string; mode: number | null }
  /** A FIFO or a device, opened for writing as it is. */
  | { kind: 'stream'; path: string };

/** Links followed in a chain, at most (Linux's MAXSYMLINKS). */
const MAX_LINKS = 40;

function refused(path: string, reason: string): UsageError {
  return new UsageError(`cannot write ${path}: ${reason}`);
}

/**
 * What is at `path`, by `look` (lstatSync: the link itself; statSync: where it finally leads),
 * or null when nothing is; any other failure (a loop, a folder that cannot be searched) is
 * refused in the name of `named`.
 */
function statOrNull(look: (path: string) => Stats, path: string, named: string): Stats | null {
  try {
    return look(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw refused(named, fsErrorReason(error));
  }
}

/** The folder a new file goes in must be one, and writable: said now, not after the work. */
function checkFolder(path: string, target: string): void {
  const folder = dirname(resolve(target));
  let stat: Stats;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw refused(path, `${code === 'ENOENT' ? 'no such directory' : fsErrorReason(error)} (${folder})`);
  }
  if (!stat.isDirectory()) throw refused(path, `not a directory (${folder})`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw refused(path, `directory not writable (${folder})`);
  }
}

/** A path that names an open file descriptor (`/dev/fd/1`, `/proc/self/fd/3`). */
const DESCRIPTOR_PATH = /^\/(?:dev|proc\/[^/]+)\/fd\/\d+$/;

/** The path the link at `link` names, resolved from the link's real folder (a `..` in it climbs from there, as the kernel's does). */
function readLink(link: string, named: string): string {
  try {
    return resolve(realpathSync(dirname(resolve(link))), readlinkSync(link));
  } catch (error) {
    throw refused(named, fsErrorReason(error));
  }
}

/**
 * The links from `path` on, each hop's path (the last is no link, or is missing), up to
 * MAX_LINKS of them (a loop is refused by stat before).
 */
function linkChain(path: string): string[] {
  const chain = [resolve(path)];
  while (chain.length <= MAX_LINKS && statOrNull(lstatSync, chain.at(-1)!, path)?.isSymbolicLink() === true) chain.push(readLink(chain.at(-1)!, path));
  return chain;
}

function newFile(path: string, target: string): OutputPlace {
  checkFolder(path, target);
  return { kind: 'file', path: target, mode: null };
}

export function outputPlace(path: string): OutputPlace {
  const own = statOrNull(lstatSync, path, path);
  if (own === null) return newFile(path, path);
  let stat = own;
  let target = path;
  if (own.isSymbolicLink()) {
    const leadsTo = statOrNull(statSync, path, path);
    const chain = linkChain(path);
    // Dangling: the file the last link names is made, as a shell's `>` makes it.
    if (leadsTo === null) return newFile(path, chain.at(-1)!);
    stat = leadsTo;
    // `/dev/stdout` and the like lead to a file descriptor the caller opened (`>> log`): written
    // into, never renamed over, whatever the descriptor is open on.
    if (chain.some((hop) => DESCRIPTOR_PATH.test(hop)) && !stat.isDirectory()) return writable(path, path);
    target = chain.at(-1)!;
  }
  if (stat.isFile()) {
    checkFolder(path, target);
    return { kind: 'file', path: target, mode: stat.mode & 0o777 };
  }
  if (stat.isDirectory()) throw refused(path, 'is a directory');
  // A socket cannot be opened as a file (ENXIO): say what it is.
  if (stat.isSocket()) throw refused(path, 'is a socket');
  return writable(path, target);
}

/** A FIFO, a device or a descriptor, once it is seen to be writable. */
function writable(path: string, target: string): OutputPlace {
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw refused(path, fsErrorReason(error));
  }
  return { kind: 'stream', path: target };
}

let temporaries = 0;

/** A fresh name beside `target` for its temporary file: hidden, this process's, never one another output of it uses. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${++temporaries}.tmp`);
}
