// A naive reading of a .hp file for cross-checks, sharing no code with the parser.

export interface SimpleCensus {
  timeSecs: number;
  bands: Map<string, number>;
}

/**
 * `stripStackIds`: drop the `(ccsID)` prefix of cost-centre-stack bands, as ghcprof names
 * bands (summing stacks that then coincide).
 */
export function readSimpleHeapProfile(text: string, stripStackIds = false): SimpleCensus[] {
  const censuses: SimpleCensus[] = [];
  let open: SimpleCensus | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('BEGIN_SAMPLE ')) open = { timeSecs: Number(line.split(' ')[1]), bands: new Map() };
    else if (line.startsWith('END_SAMPLE ')) {
      censuses.push(open!);
      open = null;
    } else if (open !== null && line.includes('\t')) {
      const tab = line.lastIndexOf('\t');
      const label = stripStackIds ? line.slice(0, tab).replace(/^\(\d+\)/, '') : line.slice(0, tab);
      open.bands.set(label, (open.bands.get(label) ?? 0) + Number(line.slice(tab + 1)));
    }
  }
  return censuses;
}
