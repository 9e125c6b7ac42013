// A flamegraph as one self-contained interactive HTML page: zoom, search, hover details,
// metric and orientation switches, colour by module or by change. No network: the data is
// embedded as JSON, the script and styles inline.
import type { FlameData } from '../flame-data.js';
import type { FrameColouring } from '../module-colour.js';
import { encodeFlamePayload } from './flame-payload.js';
import { VIEWER_CSS } from './page-style.js';
import { viewerPage } from './page-template.js';
import { jsonForScriptElement } from './script-json.js';
// The viewer (./viewer/, DOM-typed modules) bundled by esbuild at build time: build-viewer.mjs
// writes this module before tsc runs, so the script is a plain string constant here.
import { VIEWER_SCRIPT } from './viewer-script.generated.js';

export interface FlamegraphHtmlOptions {
  /** Colour by change (red more, blue less, grey not significant); implied when frames carry `delta`. */
  differential?: boolean;
  /** Open as an icicle (root at the top); the page can switch. */
  inverted?: boolean;
  /** By module (default) or by individual cost of the first metric. */
  colouring?: FrameColouring;
}

export function renderFlamegraphHtml(data: FlameData, options: FlamegraphHtmlOptions = {}): string {
  const payload = encodeFlamePayload(data, { differential: options.differential ?? false, inverted: options.inverted ?? false, colouring: options.colouring ?? 'module' });
  return viewerPage({ title: data.title, css: VIEWER_CSS, payloadJson: jsonForScriptElement(payload), script: VIEWER_SCRIPT });
}
