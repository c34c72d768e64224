/**
 * Whether the UI draws colours. NO_COLOR (https://no-color.org) asks only that no
 * colour be used: bold, inverse and underline stay, so the caret and the selected
 * row still show. A FORCE_COLOR setting wins over NO_COLOR (SPEC 2); FORCE_COLOR=0
 * is chalk's own business (it then draws no styles at all, as asked).
 */
export function colorsAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.FORCE_COLOR !== undefined) return true;
  // "when present and not an empty string" (no-color.org).
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

/** Decided once, from the environment the program started with. */
export const COLORS = colorsAllowed(process.env);

/**
 * The colour to pass to a `color=` (or `backgroundColor=`) prop: itself, or
 * undefined (the terminal's default) under NO_COLOR.
 */
export function paint<C extends string>(color: C | undefined): C | undefined {
  return COLORS ? color : undefined;
}
