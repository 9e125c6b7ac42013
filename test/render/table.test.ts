// Tables in text, CSV and Markdown with cells that are program text (issue #13), and sizes
// that used to break the text rendering.
import { describe, expect, it } from 'vitest';
import { codeBlock, markdownText } from '../../src/render/markdown-text.js';
import { elideMiddle, MAX_SHOWN_CHARS, visibleText } from '../../src/render/program-text.js';
import { renderTable, type Table } from '../../src/render/table.js';

const oneColumn = (rows: string[][]): Table => ({ columns: [{ title: 'name', align: 'left' }], rows });

describe('program text shown', () => {
  it('control characters, DEL, C1 and bidi overrides become \\x.. / \\u.... escapes; other text is untouched', () => {
    expect(visibleText('a\nb\r\tc\u001b[31m\u007f\u0085\u009b\u202e\u2066\u2028')).toBe('a\\x0ab\\x0d\\x09c\\x1b[31m\\x7f\\x85\\x9b\\u202e\\u2066\\u2028');
    expect(visibleText('main.\\ <+> ≈ é 😀')).toBe('main.\\ <+> ≈ é 😀');
  });

  it('elides the middle to the cap, keeping both ends and whole surrogate pairs', () => {
    const long = `${'a'.repeat(300)}${'z'.repeat(300)}`;
    const elided = elideMiddle(long);
    expect(elided).toHaveLength(MAX_SHOWN_CHARS);
    expect(elided).toMatch(/^a+…z+$/);
    expect(elideMiddle('short')).toBe('short');
    // 😀 is two code units: no cut point leaves half of one.
    for (const max of [9, 10, 11, 12]) {
      const cut = elideMiddle('😀'.repeat(20), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/😀/g, '')).toBe('…');
    }
  });
});

describe('text tables', () => {
  it('a name with a line break stays on its row; a huge one is elided, so the padding stays small', () => {
    const text = renderTable(
      {
        columns: [
          { title: 'name', align: 'left' },
          { title: 'n', align: 'right' },
        ],
        rows: [
          ['a\nFAKE 1', '1'],
          ['x'.repeat(2 << 20), '2'],
          ['b', '3'],
        ],
      },
      'text',
    );
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^a\\x0aFAKE 1 +1$/);
    expect(text.length).toBeLessThan(4 * (MAX_SHOWN_CHARS + 10));
  });

  it('200,000 rows render (no Math.max over a spread of every row)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`centre${i}`]);
    const text = renderTable(oneColumn(rows), 'text');
    expect(text.split('\n')).toHaveLength(200_002);
    expect(text.endsWith('centre199999\n')).toBe(true);
  });
});

describe('CSV', () => {
  const csv = (cells: string[]): string[] => renderTable(oneColumn(cells.map((cell) => [cell])), 'csv').trimEnd().split('\n').slice(1);

  it('a text cell a spreadsheet would run as a formula gets a leading quote (OWASP)', () => {
    expect(csv(['=HYPERLINK("http://x")', '+cmd', '-2+3+cmd|"/C calc"!A0', '@SUM(A1)', 'fine'])).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+cmd",
      `"'-2+3+cmd|""/C calc""!A0"`,
      "'@SUM(A1)",
      'fine',
    ]);
  });

  it('numbers, negative and in exponent form, stay numbers', () => {
    const numbers = ['-3.2', '+5', '-0', '1e-7', '-1.5e+21', '-Infinity', '42', '0.5'];
    expect(csv(numbers)).toEqual(numbers);
  });

  it('fractions at the 15 digits a double holds: no binary noise from sums of decimals; integers untouched', () => {
    expect(csv([String(0.1 * 3), String(0.087 + 1e-17), String(2.1 - 1e-15 / 2), '0.0000216501764489380617', '9007199254740993', '145447134.2222222'])).toEqual([
      '0.3',
      '0.087',
      '2.1',
      '0.0000216501764489381',
      '9007199254740993',
      '145447134.222222',
    ]);
  });

  it('one record per line: line breaks and tabs in a cell are shown as escapes (a tab would be a formula trigger)', () => {
    expect(csv(['a\r\nb', '\t=1', 'x,y'])).toEqual(['a\\x0d\\x0ab', '\\x09=1', '"x,y"']);
  });
});

describe('Markdown', () => {
  it('a cell cannot end its row, open HTML or a code span', () => {
    const markdown = renderTable(oneColumn([['a|b\n```\n<script>&amp;`x`']]), 'markdown');
    expect(markdown.trimEnd().split('\n')).toEqual(['| name |', '| --- |', '| a\\|b\\\\x0a\\`\\`\\`\\\\x0a\\<script\\>\\&amp;\\`x\\` |']);
  });

  it('text escapes the same way outside tables', () => {
    expect(markdownText('*x* [l](u) _y_')).toBe('\\*x\\* \\[l\\](u) \\_y\\_');
  });

  it('a code block fence is longer than any run of backticks in its lines', () => {
    expect(codeBlock(['plain'])).toEqual(['```', 'plain', '```']);
    expect(codeBlock(['a ```` b', '`'])).toEqual(['`````', 'a ```` b', '`', '`````']);
  });
});
