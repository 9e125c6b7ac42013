// Where the real sample files are, for tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const samplesRoot = join(projectRoot, 'samples');

export function samplePath(relativePath: string): string {
  return join(samplesRoot, relativePath);
}

export function readSample(relativePath: string): string {
  return readFileSync(samplePath(relativePath), 'utf8');
}

/** Every file under samples/ (relative paths), skipping the benchmark inputs and Haskell sources. */
export function allSampleFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'big' && name !== 'src') walk(path);
      } else {
        found.push(relative(samplesRoot, path));
      }
    }
  };
  walk(samplesRoot);
  return found.sort();
}

/** Text reports, recognised by their first line (JSON reports are also named .prof). */
export function textProfSamples(): string[] {
  return allSampleFiles().filter((file) => file.endsWith('.prof') && readSample(file).includes('Time and Allocation Profiling Report'));
}

export function jsonProfSamples(): string[] {
  return allSampleFiles().filter((file) => file.endsWith('.prof') && readSample(file).trimStart().startsWith('{'));
}
