// The README's example outputs, run again: every fenced block whose first line is
// `$ ghcprof ...` is the command and what it printed (stdout and stderr, as a terminal
// shows them). Pictures are drawn by the command in a comment before them,
// `<!-- picture: ghcprof ... -o docs/NAME.svg -->`. `npm run readme` rewrites the blocks and
// redraws the pictures; a test fails when either drifts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ReadmeExample {
  command: string;
  /** The block's text after the command line. */
  shown: string;
  /** Offsets of that text in the README. */
  start: number;
  end: number;
}

const BLOCK = /```\n\$ (ghcprof [^\n]*)\n([\s\S]*?)```/g;

export function readmeExamples(readme: string): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  for (const match of readme.matchAll(BLOCK)) {
    const start = match.index + match[0].indexOf('\n', 4) + 1;
    examples.push({ command: match[1]!, shown: match[2]!, start, end: start + match[2]!.length });
  }
  return examples;
}

/** Runs an example as a user would in the project folder, `ghcprof` being the built CLI. */
export function runExample(projectRoot: string, command: string): string {
  const launcher = `node ${join(projectRoot, 'bin/ghcprof.js')}`;
  const result = spawnSync('bash', ['-c', `${command.replace(/^ghcprof/, launcher).replace(/\| *ghcprof/g, `| ${launcher}`)} 2>&1`], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '100' },
    maxBuffer: 64 << 20,
  });
  return result.stdout;
}

/** The README with every example's output replaced by what the command prints now. */
export function refreshedReadme(projectRoot: string, readme: string): string {
  let out = '';
  let at = 0;
  for (const example of readmeExamples(readme)) {
    out += readme.slice(at, example.start) + runExample(projectRoot, example.command);
    at = example.end;
  }
  return out + readme.slice(at);
}

export interface ReadmePicture {
  /** The command, ending in `-o PATH`. */
  command: string;
  /** The picture's path, relative to the project. */
  path: string;
}

const PICTURE = /<!-- picture: (ghcprof [^\n]*?) -o (\S+) -->/g;

export function readmePictures(readme: string): ReadmePicture[] {
  return [...readme.matchAll(PICTURE)].map((match) => ({ command: match[1]!, path: match[2]! }));
}

/** Draws a picture to `output` (its own path when omitted); returns what the command printed. */
export function drawPicture(projectRoot: string, picture: ReadmePicture, output = picture.path): string {
  return runExample(projectRoot, `${picture.command} -o ${output}`);
}
