// The one reader of SRC, the cost-centre column GHC prints as `Interp.hs:25:1-22` or
// `src/M.hs:(36,1)-(46,67)`: file, line and column of where a span starts. (Not to be
// confused with diagnostic.ts's `SourceLocation`, where in an input a problem was found.)

export interface SrcPosition {
  file: string;
  line: number;
  col: number;
}

/** The start of a SRC span; null for `<built-in>`, `<entire-module>`, `<no location info>` and the like. */
export function srcPosition(src: string | null): SrcPosition | null {
  if (src === null || src.startsWith('<')) return null;
  const multiLine = /^(.*):\((\d+),(\d+)\)-\(\d+,\d+\)$/.exec(src);
  if (multiLine) return { file: multiLine[1]!, line: Number(multiLine[2]), col: Number(multiLine[3]) };
  const oneLine = /^(.*):(\d+):(\d+)(?:-\d+)?$/.exec(src);
  if (oneLine) return { file: oneLine[1]!, line: Number(oneLine[2]), col: Number(oneLine[3]) };
  return null;
}

/**
 * The file part of a SRC such as `src/Data/Map.hs:(12,1)-(14,3)`; null for `<built-in>` and
 * friends; a SRC in none of GHC's span forms is taken as a file name as it stands.
 */
export function srcFile(src: string | null): string | null {
  if (src === null || src.startsWith('<')) return null;
  return srcPosition(src)?.file ?? src;
}

/** The line a SRC span starts on; null when the SRC names no line. */
export function srcLine(src: string | null): number | null {
  return srcPosition(src)?.line ?? null;
}
