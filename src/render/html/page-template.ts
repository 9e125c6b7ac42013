// The viewer page's markup. Profile text never goes into this markup except the escaped
// <title>; the script fills everything else in with textContent from the embedded JSON.
import { escapeXml } from '../xml-escape.js';
import { assertInlineSafe } from './script-json.js';

export interface ViewerPageParts {
  title: string;
  css: string;
  /** Output of jsonForScriptElement. */
  payloadJson: string;
  script: string;
}

/**
 * The pages' own scripts and styles only: nothing may load from anywhere, as a page is one file,
 * and an injected element could not fetch either.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";

export function viewerPage(parts: ViewerPageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ghcprof">
<title>${escapeXml(parts.title)}</title>
<style>${assertInlineSafe(parts.css, 'style')}</style>
</head>
<body>
<header>
<h1 id="title"></h1>
<div id="subtitle"></div>
<div id="summary"></div>
</header>
<div class="controls">
<div id="toolbar" role="toolbar" aria-label="Flamegraph controls">
<button id="reset" type="button" title="Show the whole profile (Esc)">Reset zoom</button>
<label>Metric <select id="metric"></select></label>
<button id="orientation" type="button" title="Root at the bottom (flame) or at the top (icicle)"></button>
<input id="search" type="search" placeholder="Search names (/ to focus)" spellcheck="false" autocomplete="off" aria-label="Search frame names">
<label title="Treat the search as a regular expression"><input id="search-regex" type="checkbox"> Regex</label>
<label><input id="search-case" type="checkbox"> Match case</label>
<span id="match-status" aria-live="polite"></span>
</div>
<nav id="breadcrumb" aria-label="Zoomed frame and its callers"></nav>
<div id="legend" hidden></div>
</div>
<main id="chart"><canvas id="flame" aria-label="Flamegraph: click a frame to zoom into it"></canvas></main>
<div id="tooltip" role="tooltip" hidden></div>
<noscript><p class="hint">This flamegraph is drawn by JavaScript; enable it to see the graph.</p></noscript>
<script type="application/json" id="flame-data">${parts.payloadJson}</script>
<script>
${assertInlineSafe(parts.script, 'script')}</script>
</body>
</html>
`;
}
