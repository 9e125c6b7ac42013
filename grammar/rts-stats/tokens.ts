// Tokens of the RTS statistics file written by `+RTS -t<file> --machine-readable`
// (docs/formats.md §4.1): a first line with the command line (words quoted Haskell-style, RTS
// markers bare), then a Haskell list of string pairs:
//   'prog' 'arg' +RTS '-p' ...
//    [("bytes allocated", "1789836656")
//    ,("num_GCs", "1732")
//    ]
import { createToken, Lexer } from 'chevrotain';

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
/** A Haskell string literal, as `show` writes it: `\"`, `\\` and numeric escapes inside. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n]|\\.)*"/ });
/** A command-line word quoted by the RTS: `'-pocardano-node'`. */
export const QuotedWord = createToken({ name: 'QuotedWord', pattern: /'(?:[^'\\\n]|\\.)*'/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
/** An unquoted command-line word (`+RTS`, `-RTS`). */
export const BareWord = createToken({ name: 'BareWord', pattern: /[^\s'"[\](),]+/ });

export const rtsStatsTokens = [WhiteSpace, StringLiteral, QuotedWord, LBracket, RBracket, LParen, RParen, Comma, BareWord];
export const rtsStatsLexer = new Lexer(rtsStatsTokens, { positionTracking: 'full' });
