// Where `-o` writes: a regular file or a new path atomically (temporary file, rename); a FIFO
// or a device straight into it, left in place (a rename would have put a regular file there:
// as root, `-o /dev/null` replaced the device); through a symbolic link to the file it leads
// to, the link kept. Paths that cannot be written are refused in one line before anything is
// written, every output of a command checked before the first is written.
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../support/samples.js';
import { expectOneLineError, ghcprof, ghcprofBin, runningAsRoot } from '../support/run-ghcprof.js';

const PROFILE = samplePath('interp/a/detailed-P.prof');

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ghcprof-output-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** The report as printed on stdout: what every output below must hold. */
const expected = ghcprof(['report', PROFILE, '--top', '3']).stdout;

/** A character device node at `path` (root only, where the container allows it); false when mknod cannot make one. */
async function mknod(path: string, major: number, minor: number): Promise<boolean> {
  const made = spawn('mknod', [path, 'c', String(major), String(minor)], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => made.on('close', resolve));
  return code === 0 && lstatSync(path).isCharacterDevice();
}

describe('-o onto what is not a regular file', () => {
  it('a FIFO is written into and stays a FIFO', async () => {
    const dir = scratchDir();
    const fifo = join(dir, 'fifo');
    const made = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => made.on('close', resolve));
    // The reader, in a process of its own: the one below blocks this one until it is done.
    const reader = spawn('sh', ['-c', 'exec cat "$1" > "$2"', 'sh', fifo, join(dir, 'read')]);
    const readerDone = new Promise((resolve) => reader.on('exit', resolve));
    const outcome = await runAsync(['report', PROFILE, '--top', '3', '-o', fifo]);
    // A FIFO replaced by a file would leave the reader waiting for a writer for ever.
    const stuck = setTimeout(() => reader.kill(), 5000);
    await readerDone;
    clearTimeout(stuck);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'read'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'read']);
  });

  it('a character device is written into and stays one (a null device; a full one is a one-line error)', async () => {
    if (!runningAsRoot) {
      console.log('not root: cannot make device nodes; -o onto a device not tested');
      return;
    }
    const dir = scratchDir();
    const nullDevice = join(dir, 'null');
    const fullDevice = join(dir, 'full');
    if (!(await mknod(nullDevice, 1, 3)) || !(await mknod(fullDevice, 1, 7))) {
      console.log('mknod refused here: -o onto a device not tested');
      return;
    }
    const written = ghcprof(['report', PROFILE, '-o', nullDevice]);
    expect(written.status, written.stderr).toBe(0);
    expect(lstatSync(nullDevice).isCharacterDevice()).toBe(true);
    // Like /dev/full: every write fails with ENOSPC.
    expectOneLineError(ghcprof(['report', PROFILE, '-o', fullDevice]), `cannot write ${fullDevice}`, 'no space left on device');
    expect(lstatSync(fullDevice).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['full', 'null']);
  });

  it('a symbolic link: the file it leads to is replaced, the link kept; a dangling one makes the file it names', () => {
    const dir = scratchDir();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'real.txt'), 'old\n');
    symlinkSync(join('elsewhere', 'real.txt'), join(dir, 'link.txt'));
    const outcome = ghcprof(['report', PROFILE, '--top', '3', '-o', join(dir, 'link.txt')]);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe(join('elsewhere', 'real.txt'));
    expect(readFileSync(join(elsewhere, 'real.txt'), 'utf8')).toBe(expected);
    expect(readdirSync(elsewhere)).toEqual(['real.txt']);

    symlinkSync('made.txt', join(dir, 'dangling.txt'));
    expect(ghcprof(['report', PROFILE, '--top', '3', '-o', join(dir, 'dangling.txt')]).status).toBe(0);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.txt'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['dangling.txt', 'elsewhere', 'link.txt', 'made.txt']);
  });

  it('a file replaced keeps its permissions', () => {
    const dir = scratchDir();
    const file = join(dir, 'private.txt');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    expect(ghcprof(['report', PROFILE, '-o', file]).status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a folder, a link loop, a missing folder, a path through a file, a read-only folder: one line each, nothing written', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'folder'));
    symlinkSync('loop', join(dir, 'loop'));
    writeFileSync(join(dir, 'file'), 'old\n');
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const cases: Array<[string, string, boolean]> = [
      [join(dir, 'folder'), 'is a directory', false],
      [join(dir, 'loop'), 'too many levels of symbolic links', false],
      [join(dir, 'missing', 'out.txt'), `no such directory (${join(dir, 'missing')})`, false],
      [join(dir, 'file', 'out.txt'), 'not a directory', false],
      // Root writes through mode bits: the last case runs as `nobody` there.
      [join(readOnly, 'out.txt'), `directory not writable (${readOnly})`, true],
    ];
    for (const [path, reason, unprivileged] of cases) {
      expectOneLineError(ghcprof(['report', PROFILE, '-o', path], { unprivileged }), `cannot write ${path}`, reason);
    }
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder', 'loop', 'read-only']);
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
    expect(readdirSync(readOnly)).toEqual([]);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('old\n');
  });
});

describe('report --html X -o Y: both outputs checked before either is written', () => {
  it('a bad -o leaves the --html file as it was, and no temporary file', () => {
    const dir = scratchDir();
    const page = join(dir, 'page.html');
    writeFileSync(page, 'old page\n');
    expectOneLineError(ghcprof(['report', PROFILE, '--html', page, '-o', join(dir, 'no', 'such', 'dir', 'y.txt')]), 'no such directory');
    expect(readFileSync(page, 'utf8')).toBe('old page\n');
    expect(readdirSync(dir)).toEqual(['page.html']);
  });

  it('a bad input leaves both files as they were', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'page.html'), 'old page\n');
    writeFileSync(join(dir, 'y.txt'), 'old text\n');
    expectOneLineError(ghcprof(['report', join(dir, 'missing.prof'), '--html', join(dir, 'page.html'), '-o', join(dir, 'y.txt')]), 'missing.prof', 'no such file');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('old page\n');
    expect(readFileSync(join(dir, 'y.txt'), 'utf8')).toBe('old text\n');
    expect(readdirSync(dir).sort()).toEqual(['page.html', 'y.txt']);
  });

  it('both good: both written; one file named twice: refused', () => {
    const dir = scratchDir();
    const outcome = ghcprof(['report', PROFILE, '--top', '3', '--html', join(dir, 'page.html'), '-o', join(dir, 'y.txt')]);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(readFileSync(join(dir, 'y.txt'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    symlinkSync('y.txt', join(dir, 'also-y.txt'));
    expectOneLineError(ghcprof(['report', PROFILE, '--html', join(dir, 'also-y.txt'), '-o', join(dir, 'y.txt')]), 'the same file');
    expect(readFileSync(join(dir, 'y.txt'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['also-y.txt', 'page.html', 'y.txt']);
  });
});

describe('large -o output', () => {
  it('events of a 68 MB eventlog to a file: the text stdout gets, and no warning (no listener per chunk)', async () => {
    const dir = scratchDir();
    const out = join(dir, 'events.txt');
    const gzipped = samplePath('big/gc-heavy.eventlog.gz');
    const toFile = await runAsync(['events', gzipped, '-o', out]);
    expect(toFile.stderr).toBe('');
    expect(toFile.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['events.txt']);
    // The same bytes as on stdout, compared by size and by the head and tail of the text.
    const text = readFileSync(out);
    expect(text.length).toBeGreaterThan(100 << 20);
    const first = await runAsync(['events', gzipped], { limitBytes: 1 << 16 });
    expect(text.subarray(0, 1 << 16).toString()).toBe(first.stdout.slice(0, 1 << 16));
  });
});

/** The CLI without blocking this process (a FIFO's reader, a long run); `limitBytes` stops reading stdout there. */
function runAsync(args: string[], options: { limitBytes?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [ghcprofBin, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    stdout += text;
    if (options.limitBytes !== undefined && stdout.length >= options.limitBytes) child.stdout.destroy();
  });
  child.stderr.on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
