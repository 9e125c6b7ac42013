// One lexer for heap profiles, built once.
import { Lexer } from 'chevrotain';
import { hpTokens } from './tokens.js';

export const hpLexer = new Lexer(hpTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  safeMode: true,
  skipValidations: true,
});
