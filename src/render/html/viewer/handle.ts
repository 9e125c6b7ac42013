// What the page publishes as `window.ghcprofViewer` for tests and scripting: read-only
// views of the drawn state. Plain types, no DOM: the browser tests' Node side imports them.

export interface ViewerRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ViewerState {
  metric: number;
  zoom: number;
  inverted: boolean;
  query: string;
  hovered: number;
}

export interface ViewerHandle {
  /** Milliseconds from navigation start to the end of the first paint. */
  readonly firstRenderMs: number;
  readonly paints: number;
  /** True while a paint is requested and not yet drawn: what is drawn may not show the latest state. */
  readonly paintPending: boolean;
  /** How long the last paint took (layout of the visible frames and drawing), in milliseconds. */
  readonly lastPaintMs: number;
  state(): ViewerState;
  /** Where frame `index` is drawn, in viewport pixels; null when it is not drawn. */
  frameRect(index: number): ViewerRect | null;
  /** Indices of the frames drawn by the last paint. */
  drawnFrames(): number[];
  /** Fill colour (`#rrggbb` or CSS colour) the last paint used for frame `index`. */
  frameFill(index: number): string | null;
}
