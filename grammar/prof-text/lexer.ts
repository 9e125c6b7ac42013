// One lexer for the text report, built once (construction analyses every token).
import { Lexer } from 'chevrotain';
import { lexerModes } from './tokens.js';

export const profTextLexer = new Lexer(
  { modes: lexerModes, defaultMode: 'header' },
  {
    // Every token is whole lines and the parser counts lines itself.
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    // Tokens are custom line matchers: the regexp-based first-character analysis does not apply.
    safeMode: true,
    skipValidations: true,
  },
);
