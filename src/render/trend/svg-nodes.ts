// A chart's element tree (layout.ts) as SVG text: attribute values and texts escaped, so
// cost-centre names and manifest strings cannot break the markup.
import { escapeXml } from '../xml-escape.js';
import type { ChartNode } from './layout.js';

export function serialiseChartNode(node: ChartNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  const text = node.text === undefined ? '' : escapeXml(node.text);
  if (text === '' && children.length === 0) return `<${node.tag}${attrs}/>`;
  // Containers one child a line; a text or a point keeps its <title> on its line.
  const block = node.tag === 'svg' || node.tag === 'g';
  const inner = children.map(serialiseChartNode).join(block ? '\n' : '');
  return block ? `<${node.tag}${attrs}>${text}\n${inner}\n</${node.tag}>` : `<${node.tag}${attrs}>${text}${inner}</${node.tag}>`;
}
