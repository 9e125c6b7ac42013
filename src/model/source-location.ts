// File, line and column of a SRC such as `Interp.hs:25:1-22` or `src/M.hs:(36,1)-(46,67)`.

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/** The start of a SRC span; null for `<built-in>`, `<entire-module>`, `<no location info>` and the like. */
export function sourcePosition(src: string | null): SourcePosition | null {
  if (src === null || src.startsWith('<')) return null;
  const multiLine = /^(.*):\((\d+),(\d+)\)-\(\d+,\d+\)$/.exec(src);
  if (multiLine) return { file: multiLine[1]!, line: Number(multiLine[2]), col: Number(multiLine[3]) };
  const oneLine = /^(.*):(\d+):(\d+)(?:-\d+)?$/.exec(src);
  if (oneLine) return { file: oneLine[1]!, line: Number(oneLine[2]), col: Number(oneLine[3]) };
  return null;
}
