// JSON that can sit inside a <script> element whatever its strings hold. The HTML parser
// ends script data at `</script` and enters its escaped states at `<!--` (HTML Living
// Standard, 13.2.5.4 "Script data state" onwards); escaping every `<`, `>` and `&` as a JSON
// \u escape means neither can occur, and JSON.parse gives the original strings back.
// U+2028/U+2029 are escaped too, so the text is also a valid JavaScript literal.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Throws when static page code (our own script or CSS) could end its element early. */
export function assertInlineSafe(code: string, element: 'script' | 'style'): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(code)) throw new Error(`inline ${element} contains </${element} or <!--`);
  return code;
}
