// Integers beyond 2^53 cannot be held exactly: a profile holding one is read, with a warning that
// names the first, instead of printing rounded digits as if they were the file's.
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../../src/formats/read-profile.js';
import type { Profile } from '../../../src/model/profile.js';
import { readSample } from '../../support/samples.js';

const BEYOND = '9007199254740993'; // 2^53 + 1: read as 2^53

function read(text: string, source: string): Promise<Profile> {
  const bytes = new TextEncoder().encode(text);
  return readProfile((async function* () { yield bytes; })(), source);
}

const inexact = (profile: Profile): string[] => profile.warnings.filter((warning) => warning.message.includes('beyond 2^53')).map((warning) => `${warning.location.source}: ${warning.message}`);

describe('integers beyond 2^53', () => {
  it('the samples as GHC wrote them hold none', async () => {
    expect(inexact(await read(readSample('interp/a/detailed-P.prof'), 'detailed-P.prof'))).toEqual([]);
    expect(inexact(await read(readSample('interp/a/run-1.json.prof'), 'run-1.json.prof'))).toEqual([]);
  });

  it('an -P row whose entries are 2^53 + 1 is read, and the warning names it', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    // The row of `main`: label, module, SRC, no., entries (1), ...
    const row = /^( +main +Main +\S+ +\d+ +)1( .*)$/m.exec(text)!;
    const profile = await read(text.replace(row[0], `${row[1]}${BEYOND}${row[2]}`), 'edited-P.prof');
    expect(inexact(profile)).toEqual([
      'edited-P.prof: 1 number is beyond 2^53, where integers are not exact: they are held rounded, and so are the sums they enter (first: entries of Main.main, read as 9007199254740992)',
    ]);
  });

  it('a -pj total alloc of 2^53 + 1 is read, and the warning names it', async () => {
    const text = readSample('interp/a/run-1.json.prof').replace(/"total_alloc" *: *\d+/, `"total_alloc": ${BEYOND}`);
    expect(inexact(await read(text, 'edited.json.prof'))).toEqual([
      'edited.json.prof: 1 number is beyond 2^53, where integers are not exact: they are held rounded, and so are the sums they enter (first: total alloc, read as 9007199254740992)',
    ]);
  });

  it('a -p report whose total alloc is 1e26 is read at once (placing the estimates unit by unit never ended)', async () => {
    const text = readSample('interp/a/run-1.prof').replace(/total alloc = [\d,]+ bytes/, 'total alloc = 100,000,000,000,000,000,000,000,000 bytes');
    const started = Date.now();
    const profile = await read(text, 'huge-total.prof');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(inexact(profile)).toHaveLength(1);
  }, 20_000);
});
