// Cost-centre names are program text (`<+>`, `&&`, quotes): escape everything put in markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Also drop characters XML 1.0 forbids (control codes other than tab and line breaks).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}
