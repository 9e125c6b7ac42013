// A whole page embedded in another as an iframe's srcdoc (the flamegraph viewer inside the
// report and compare pages, so its script and styles stay its own).

/** srcdoc takes HTML as an attribute value: only `&` and `"` need escaping there. */
export function srcdoc(html: string): string {
  return html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
