// What the streaming JSON tokenizer reports, in document order.

export interface JsonEventSink {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  /** A member name; the member's value follows. */
  key(name: string): void;
  string(value: string): void;
  /** A number (exact for integers up to 2^53, as JSON.parse reads them). */
  number(value: number): void;
  literal(value: boolean | null): void;
}
