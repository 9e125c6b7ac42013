// Checks a speedscope file against speedscope's own published JSON schema (shipped in the
// npm `speedscope` package, draft-07, validated with ajv), plus what the schema cannot say:
// samples and weights pair up and frame indices exist.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('speedscope/dist/release/file-format-schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile(schema);

export function speedscopeProblems(file: unknown): string[] {
  const problems: string[] = [];
  if (!validateSchema(file)) {
    for (const error of validateSchema.errors ?? []) problems.push(`schema: ${error.instancePath} ${error.message}`);
    return problems;
  }
  const typed = file as { shared: { frames: unknown[] }; profiles: Array<{ type: string; samples?: number[][]; weights?: number[]; endValue: number; startValue: number }> };
  const frameCount = typed.shared.frames.length;
  typed.profiles.forEach((profile, p) => {
    if (profile.type !== 'sampled') return;
    if (profile.samples!.length !== profile.weights!.length) problems.push(`profile ${p}: ${profile.samples!.length} samples but ${profile.weights!.length} weights`);
    for (const sample of profile.samples!) for (const frame of sample) if (!Number.isInteger(frame) || frame < 0 || frame >= frameCount) problems.push(`profile ${p}: frame ${frame} out of range`);
    const total = profile.weights!.reduce((sum, weight) => sum + weight, 0);
    if (profile.endValue - profile.startValue !== total) problems.push(`profile ${p}: endValue - startValue ${profile.endValue - profile.startValue} != total weight ${total}`);
  });
  return problems;
}
