/**
 * string-width as Ink uses it, made cheap for a full-screen app (issue 7, SPEC 7):
 * the build aliases Ink's `string-width` import to this module (scripts/esbuild-perf.mjs).
 *
 * - Text made only of characters that are one column wide whatever the terminal (printable
 *   ASCII, Latin-1, general punctuation such as … · › “, arrows, box drawing and most
 *   geometric shapes; none of them an emoji by default, a combining mark or a zero-width
 *   character) is as wide as it is long. string-width answers the same, but first runs the
 *   Unicode segmenter and a large emoji regular expression whose first use costs ~20 ms.
 * - Other text is measured by string-width itself, and remembered: Ink measures every line
 *   of every frame, and from one key to the next most lines do not change.
 *
 * wrap-ansi's own string-width (version 7) gets the same treatment with its own set.
 * test/ui/string-width.test.ts checks every character of both sets against both versions.
 */
import stringWidth, { type Options } from 'string-width';
import stripAnsi from 'strip-ansi';

/** Characters of width 1 that neither combine, join nor default to emoji presentation. */
export const ONE_COLUMN = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u25FF]*$/;

/**
 * The same for string-width 7 (wrap-ansi's copy), which also counts text-style emoji as two
 * columns: © ® ‼ ⁉ ↔ ↕ ↖ ↗ ↘ ↙ ↩ ↪ ▪ ▫ ▶ ◀ ◻ ◼ are left out.
 */
export const ONE_COLUMN_V7 =
  /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u00FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u219A-\u21A8\u21AB-\u21FF\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF]*$/;

const LIMIT = 4096;

type Measure = (text: string, options?: Options) => number;

/** `measure` with the one-column fast path and a bounded memory of the answers (default options only). */
export function rememberWidths(measure: Measure, oneColumn: RegExp): Measure {
  const remembered = new Map<string, number>();
  return (text, options) => {
    if (typeof text !== 'string' || text.length === 0) return 0;
    if (options && (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes === true)) return measure(text, options);
    const known = remembered.get(text);
    if (known !== undefined) return known;
    const visible = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
    const width = oneColumn.test(visible) ? visible.length : measure(visible);
    if (remembered.size >= LIMIT) remembered.clear();
    remembered.set(text, width);
    return width;
  };
}

const fastStringWidth = rememberWidths(stringWidth, ONE_COLUMN);
export default fastStringWidth;
