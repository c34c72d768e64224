/**
 * Text from outside (a policy, a file name, an argument) made safe to show to
 * people: every character a terminal would act on instead of print, or that
 * changes how the text around it reads, becomes a visible escape (`\u001b`).
 *
 * - C0 controls except newline and tab (ESC starts CSI/OSC sequences: OSC 0
 *   renames the window, OSC 52 writes the clipboard, CSI 2J clears the screen;
 *   BEL, CR and BS rewrite what was shown), DEL, and the C1 controls
 *   U+0080-U+009F (U+009B is a one-byte CSI for many terminals).
 * - Bidi embeddings, overrides and isolates, and the directional marks
 *   (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): the
 *   "Trojan Source" characters that make text read differently from what it is.
 * - Zero-width characters (U+200B-U+200D, U+2060, U+FEFF): two strings that
 *   look the same but are not.
 *
 * JSON and SARIF output must not use this: they stay exact.
 */

// One class, so the common case (nothing to escape) is one test of the whole string.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every control, bidi or zero-width character shown as `\uXXXX`; newline and tab stay. */
export function visible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, escape) : text;
}

/** Like `visible`, and a newline or tab is escaped too: for text shown on one line (a label, a file name in a message). */
export function visibleLine(text: string): string {
  return visible(text).replace(/[\n\t]/g, escape);
}

/** Whether the text holds a character `visible` would escape (newline and tab excepted). */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** The characters `visible` would escape, each once, in order of first appearance, as `U+XXXX`. */
export function invisibleCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(INVISIBLE)) seen.add(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
  return [...seen];
}
