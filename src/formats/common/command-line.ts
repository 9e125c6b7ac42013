// Splits the command line GHC prints in a report header into program, arguments and RTS flags.
// GHC prints `prog +RTS <rts args> -RTS <args>` with no quoting (docs/formats.md §1.2),
// so arguments that contained spaces cannot be recovered; we split on white space.

export interface CommandLineParts {
  program: string | null;
  words: string[];
  rtsArguments: string[];
}

export function splitCommandLine(text: string): CommandLineParts {
  return commandLineParts(text.trim().split(/\s+/).filter((word) => word.length > 0));
}

/** The same for a command line already split into words (an eventlog's program arguments). */
export function commandLineParts(words: string[]): CommandLineParts {
  const rtsArguments: string[] = [];
  let inRts = false;
  for (const word of words.slice(1)) {
    if (word === '+RTS') inRts = true;
    else if (word === '-RTS') inRts = false;
    else if (inRts) rtsArguments.push(word);
  }
  return { program: words[0] ?? null, words, rtsArguments };
}
