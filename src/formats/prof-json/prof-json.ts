// Reader for GHC's JSON profile (`+RTS -pj`, GHC >= 8.2; docs/formats.md §2), streaming:
// bytes go through a lenient push tokenizer into a builder, so neither the file nor the
// tree's nesting has to fit in one string or on the call stack. Individual costs are exact;
// percentages are derived from the totals, which in JSON include system and idle centres.
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import type { Profile } from '../../model/profile.js';
import { JsonSyntaxError, LenientJsonTokenizer } from './json-stream/lenient-json-tokenizer.js';
import { ProfJsonBuilder } from './prof-json-builder.js';
import { textHead } from '../common/sniff.js';
import type { ByteChunks } from '../common/byte-chunks.js';

/** Whether an input's first bytes look like GHC's JSON profile. */
export function looksLikeProfJson(head: Uint8Array): boolean {
  // GHC's JSON starts `{` then a quoted key; a Haskell source file may start `{-# LANGUAGE`.
  return /^\{\s*("|$)/.test(textHead(head));
}

class ProfJsonReader {
  private readonly builder: ProfJsonBuilder;
  private readonly tokenizer: LenientJsonTokenizer;

  constructor(private readonly source: string) {
    this.builder = new ProfJsonBuilder(source);
    this.tokenizer = new LenientJsonTokenizer(this.builder);
  }

  push(chunk: Uint8Array): void {
    try {
      this.tokenizer.push(chunk);
    } catch (error) {
      throw this.describe(error);
    }
  }

  finish(): Profile {
    const warnings: InputWarning[] = [];
    let complete: boolean;
    try {
      complete = this.tokenizer.finish();
    } catch (error) {
      throw this.describe(error);
    }
    if (!this.builder.hasProfile) {
      throw new InputError({ source: this.source, line: 1 }, 'expected a GHC JSON profile with "cost_centres" and "profile"');
    }
    if (this.tokenizer.repairs > 0) {
      warnings.push({ location: { source: this.source }, message: `names in the JSON were not escaped by GHC (${this.tokenizer.repairs} places); read them as written` });
    }
    if (!complete) {
      const offset = this.tokenizer.bytesConsumed;
      warnings.push({
        location: { source: this.source, byteOffset: offset },
        message: `JSON ends early (truncated?) at byte ${offset}; kept the cost centres and tree nodes read before that`,
      });
    }
    return this.builder.finish(warnings);
  }

  private describe(error: unknown): Error {
    if (error instanceof JsonSyntaxError) return new InputError({ source: this.source, line: error.line }, `invalid JSON profile: ${error.message}`);
    return error as Error;
  }
}

export async function readProfJson(chunks: ByteChunks, source: string): Promise<Profile> {
  const reader = new ProfJsonReader(source);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

/** Reads a JSON profile held in one string (tests, browsers). */
export function parseProfJson(text: string, source: string): Profile {
  const reader = new ProfJsonReader(source);
  reader.push(new TextEncoder().encode(text));
  return reader.finish();
}
