// The page's inline script, made from the typed viewer modules' own source text
// (Function#toString), so the code the page runs is the code tsc checked and the tests call.
// Each shipped function is self-contained; they meet only through the `lib` object below.
import { valueFormat } from './format.js';
import { viewerModel } from './model.js';
import { flamePainter } from './paint.js';
import { viewerPanels } from './panels.js';
import { startViewer } from './start-viewer.js';

let cached: string | null = null;

export function viewerScript(): string {
  cached ??= [
    '"use strict";',
    // esbuild with keepNames (as tsx runs it) wraps functions in `__name(fn, "name")`.
    'const __name = (fn) => fn;',
    `(${startViewer.toString()})(window, {`,
    `  model: (${viewerModel.toString()})(),`,
    `  painter: (${flamePainter.toString()})(),`,
    `  panels: (${viewerPanels.toString()})(),`,
    `  format: (${valueFormat.toString()})(),`,
    '});',
    '',
  ].join('\n');
  return cached;
}
