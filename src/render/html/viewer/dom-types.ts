// The slice of the browser DOM the viewer script uses, typed here because the project
// compiles without the DOM library (the core must not lean on browser globals by accident).
// Only types: nothing in this file reaches the page.

export interface ViewerRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ViewerClientRect extends ViewerRect {
  readonly bottom: number;
}

export interface ViewerEvent {
  readonly target: unknown;
  preventDefault(): void;
}

export interface ViewerMouseEvent extends ViewerEvent {
  readonly clientX: number;
  readonly clientY: number;
  readonly button: number;
}

export interface ViewerKeyboardEvent extends ViewerEvent {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export interface ViewerEventMap {
  click: ViewerMouseEvent;
  mousemove: ViewerMouseEvent;
  mouseleave: ViewerMouseEvent;
  input: ViewerEvent;
  change: ViewerEvent;
  keydown: ViewerKeyboardEvent;
  resize: ViewerEvent;
}

export interface ViewerEventTarget {
  addEventListener<K extends keyof ViewerEventMap>(type: K, listener: (event: ViewerEventMap[K]) => void): void;
}

export interface ViewerElement extends ViewerEventTarget {
  textContent: string | null;
  className: string;
  title: string;
  hidden: boolean;
  readonly clientWidth: number;
  readonly style: { [property: string]: string };
  readonly dataset: { [key: string]: string | undefined };
  readonly classList: { add(name: string): void; remove(name: string): void; toggle(name: string, force?: boolean): boolean };
  setAttribute(name: string, value: string): void;
  appendChild<T extends ViewerElement>(child: T): T;
  replaceChildren(...children: ViewerElement[]): void;
  getBoundingClientRect(): ViewerClientRect;
  focus(): void;
}

export interface ViewerInputElement extends ViewerElement {
  value: string;
  checked: boolean;
  type: string;
}

export interface ViewerTextMetrics {
  readonly width: number;
}

export interface ViewerContext2D {
  fillStyle: string | object;
  strokeStyle: string;
  font: string;
  textBaseline: string;
  lineWidth: number;
  globalAlpha: number;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): ViewerTextMetrics;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  createPattern(image: ViewerCanvasElement, repetition: string): object | null;
}

export interface ViewerCanvasElement extends ViewerElement {
  width: number;
  height: number;
  getContext(kind: '2d'): ViewerContext2D | null;
}

export interface ViewerDocument {
  title: string;
  getElementById(id: string): ViewerElement | null;
  createElement(tag: 'canvas'): ViewerCanvasElement;
  createElement(tag: 'input'): ViewerInputElement;
  createElement(tag: string): ViewerElement;
  readonly activeElement: unknown;
  readonly documentElement: ViewerElement;
}

/** What the page publishes for tests and scripting: read-only views of the drawn state. */
export interface ViewerHandle {
  /** Milliseconds from navigation start to the end of the first paint. */
  firstRenderMs: number;
  paints: number;
  /** How long the last paint took (layout of the visible frames and drawing), in milliseconds. */
  lastPaintMs: number;
  state(): { metric: number; zoom: number; inverted: boolean; query: string; hovered: number };
  /** Where frame `index` is drawn, in viewport pixels; null when it is not drawn. */
  frameRect(index: number): ViewerRect | null;
  /** Indices of the frames drawn by the last paint. */
  drawnFrames(): number[];
  /** Fill colour (`#rrggbb` or CSS colour) the last paint used for frame `index`. */
  frameFill(index: number): string | null;
}

export interface ViewerWindow extends ViewerEventTarget {
  readonly document: ViewerDocument;
  readonly devicePixelRatio: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  scrollBy(x: number, y: number): void;
  ghcprofViewer?: ViewerHandle;
}
