// Runs drawn or summed together must be of one program: the mean of two programs' trees, or one
// picture of both, answers no question and looks like an answer. Refused unless asked for.

/** The option that allows runs of different programs together. */
export const ALLOW_DIFFERENT_PROGRAMS = '--allow-different-programs';

/** Why `programs` (each program once) cannot be taken together, or null when they can. */
export function differentProgramsReason(programs: readonly string[], allowed: boolean, what: string): string | null {
  if (programs.length <= 1 || allowed) return null;
  return `the runs are of different programs (${programs.join(', ')}): ${what}; give runs of one program, or pass ${ALLOW_DIFFERENT_PROGRAMS}`;
}
