// Runs the bundled ghcprof CLI in this process, exactly as bin/ghcprof.js does, and reports
// its peak RSS when it exits. Arguments are the CLI's.
import { statSync } from 'node:fs';
import { reportTask } from '../measure.js';

const args = process.argv.slice(2);
const outputIndex = args.indexOf('-o');
process.argv = [process.argv[0]!, 'ghcprof', ...args];
process.on('exit', (code) => {
  if (code !== 0) return;
  const outputBytes = outputIndex >= 0 ? statSync(args[outputIndex + 1]!).size : 0;
  reportTask({ outputBytes });
});
// Not a static import: the CLI parses process.argv as it loads.
await import(new URL('../../ghcprof.mjs', import.meta.url).href);
