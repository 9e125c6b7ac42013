// Errors in the JSON files ghcprof reads whole name a line, as every other input's do: the line
// of the bad character, or of the value whose shape is wrong.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { lineOfJsonPath, parseJsonInput } from '../../src/model/json-input.js';

function lineOf(thrower: () => unknown): number | undefined {
  try {
    thrower();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).location.line;
  }
  throw new Error('expected an InputError');
}

const TEXT = ['{', '  "a": {"b": [1,', '    "x\\"y", {"c": null}]},', '  "d": "e",', '  "f": [[], {}]', '}'].join('\n');

describe('parseJsonInput', () => {
  it('a syntax error names the line of the bad character, and the message drops the position', () => {
    expect(() => parseJsonInput('{\n  "a": 1,\n  "b" 2\n}', 'x.json')).toThrow(/^x\.json:3: invalid JSON: [^\n]*$/);
    expect(lineOf(() => parseJsonInput('{\n  "a": 1,\n  "b" 2\n}', 'x.json'))).toBe(3);
    expect(() => parseJsonInput('{\n"a": 1,\n"b" 2}', 'x.json')).not.toThrow(/position/);
  });

  it('a document cut short is reported on its last line', () => {
    expect(lineOf(() => parseJsonInput('{\n  "a": [1,\n  2', 'x.json'))).toBe(3);
  });

  it('valid JSON is returned as JSON.parse reads it', () => {
    expect(parseJsonInput(TEXT, 'x.json')).toEqual(JSON.parse(TEXT));
  });
});

describe('lineOfJsonPath', () => {
  it('finds members and elements, past strings holding quotes and brackets', () => {
    expect(lineOfJsonPath(TEXT, 'a')).toBe(2);
    expect(lineOfJsonPath(TEXT, 'a.b[0]')).toBe(2);
    expect(lineOfJsonPath(TEXT, 'a.b[1]')).toBe(3);
    expect(lineOfJsonPath(TEXT, 'a.b[2].c')).toBe(3);
    expect(lineOfJsonPath(TEXT, 'd')).toBe(4);
    expect(lineOfJsonPath(TEXT, 'f[1]')).toBe(5);
  });

  it('a path that is not there is reported where its nearest enclosing value is', () => {
    expect(lineOfJsonPath(TEXT, 'a.b[7]')).toBe(2);
    expect(lineOfJsonPath(TEXT, 'missing')).toBe(1);
    expect(lineOfJsonPath(TEXT, 'd.e')).toBe(4);
  });

  it('a key holding [ ] . " is matched by its value, not its spelling', () => {
    const text = '{\n "a.b": 1,\n "k\\"[0]": 2,\n "z": 3\n}';
    expect(lineOfJsonPath(text, 'z')).toBe(4);
  });
});
