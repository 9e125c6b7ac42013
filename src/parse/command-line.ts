// Splits the command line GHC prints in a report header into program, arguments and RTS flags.
// GHC prints `prog +RTS <rts args> -RTS <args>` with no quoting (formats-reference.md §1.3),
// so arguments that contained spaces cannot be recovered; we split on white space.

export interface CommandLineParts {
  program: string | null;
  words: string[];
  rtsArguments: string[];
}

export function splitCommandLine(text: string): CommandLineParts {
  const words = text.trim().split(/\s+/).filter((word) => word.length > 0);
  const rtsArguments: string[] = [];
  let inRts = false;
  for (const word of words.slice(1)) {
    if (word === '+RTS') inRts = true;
    else if (word === '-RTS') inRts = false;
    else if (inRts) rtsArguments.push(word);
  }
  return { program: words[0] ?? null, words, rtsArguments };
}
