// The viewer page's CSS, inlined into the page: no external stylesheet or font.

export const VIEWER_CSS = `
:root { color-scheme: light; --ink: #1d1d1d; --muted: #5b5b5b; --line: #d9d6cc; --paper: #fdfdf8; --accent: #8a3b12; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif; }
header { padding: 12px 16px 6px; }
h1 { margin: 0; font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
#subtitle, #summary { color: var(--muted); overflow-wrap: anywhere; }
#summary { font-size: 12px; margin-top: 2px; }
.controls { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding: 6px 16px; }
#toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; }
#toolbar label { display: inline-flex; align-items: center; gap: 4px; }
button, select, input { font: inherit; color: inherit; }
button, select { background: #fff; border: 1px solid #b9b5a8; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:hover, select:hover { border-color: var(--accent); }
#orientation { min-width: 13em; }
#search { width: 22em; padding: 2px 6px; border: 1px solid #b9b5a8; border-radius: 4px; background: #fff; }
#match-status { color: var(--muted); }
#match-status .share { color: #a0209f; font-weight: 600; }
#match-status.error { color: #b00020; }
#breadcrumb { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 4px; margin-top: 6px; min-height: 22px; }
#breadcrumb .crumb { border: none; background: none; padding: 0 2px; color: var(--accent); max-width: 28em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#breadcrumb .crumb:hover { text-decoration: underline; }
#breadcrumb .crumb[aria-current] { color: var(--ink); font-weight: 600; }
#breadcrumb .sep { color: var(--muted); }
#legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; color: var(--muted); }
.legend-item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 26px; height: 12px; border-radius: 2px; border: 1px solid rgba(0, 0, 0, 0.15); }
#chart { margin: 8px 16px 16px; }
#flame { display: block; width: 100%; }
#tooltip { position: fixed; z-index: 3; max-width: min(560px, 90vw); pointer-events: none; background: #fffffb; border: 1px solid #a9a496; border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); padding: 6px 8px; font-size: 12px; }
#tooltip .name { font-weight: 600; margin-bottom: 3px; overflow-wrap: anywhere; }
#tooltip .row { display: flex; gap: 8px; }
#tooltip .key { color: var(--muted); min-width: 5.5em; }
#tooltip .value { overflow-wrap: anywhere; }
#tooltip .note { color: var(--muted); font-style: italic; }
.hint { color: var(--muted); font-size: 12px; }
`;
