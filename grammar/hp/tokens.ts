// Tokens of the heap profile (`.hp`, +RTS -h*), one per line (docs/formats.md §3.1):
// a four-line header, then censuses `BEGIN_SAMPLE t` … `END_SAMPLE t` holding one
// `label<TAB>bytes` line per band, and possibly `MARK t` lines. The last token takes any
// line, so the lexer never fails; which line may come where is the parser's to say.
import { createToken, type TokenType } from 'chevrotain';
import { anyLineToken, blankLineToken, contentEnd, lineEnd, lineToken, matchedLine } from '../common/line-token.js';
import { DECIMAL_GROUP, scanUnsigned } from '../common/numbers.js';

const NUMBER = DECIMAL_GROUP;

// Header values are quoted; GHC doubles `"` inside them (printEscapedString).
export const Job = lineToken('Job', /JOB "(.*)"[ \t]*/);
export const Date = lineToken('Date', /DATE "(.*)"[ \t]*/);
export const SampleUnit = lineToken('SampleUnit', /SAMPLE_UNIT "(.*)"[ \t]*/);
export const ValueUnit = lineToken('ValueUnit', /VALUE_UNIT "(.*)"[ \t]*/);
export const BeginSample = lineToken('BeginSample', new RegExp(`BEGIN_SAMPLE ${NUMBER}[ \\t]*`));
export const EndSample = lineToken('EndSample', new RegExp(`END_SAMPLE ${NUMBER}[ \\t]*`));
export const Mark = lineToken('Mark', new RegExp(`MARK ${NUMBER}[ \\t]*`));
export const BlankLine = blankLineToken('BlankLine');
/** Any other line: the parser says what it expected instead. */
const UnknownLine = anyLineToken('UnknownLine');

export interface BandFields {
  label: string;
  bytes: number;
}

/**
 * `label<TAB>bytes`. The tab is the only reliable separator (labels such as closure
 * descriptions may contain spaces), so the line is split at its last tab.
 */
export const Band = createToken({
  name: 'Band',
  line_breaks: true,
  pattern: (text: string, offset: number) => {
    const end = lineEnd(text, offset);
    let last = contentEnd(text, end);
    while (last > offset && text.charCodeAt(last - 1) === 32) last--;
    const tab = text.lastIndexOf('\t', last - 1);
    if (tab <= offset || tab < offset) return null;
    const bytes = scanUnsigned(text, tab + 1, last);
    if (Number.isNaN(bytes)) return null;
    const fields: BandFields = { label: text.slice(offset, tab), bytes };
    return matchedLine(text, offset, end, fields);
  },
});

export const hpTokens: TokenType[] = [BeginSample, EndSample, Job, Date, SampleUnit, ValueUnit, Mark, Band, BlankLine, UnknownLine];
