/**
 * One-line text editing as pure functions: the filter, a parameter value and the
 * write path are each a text with a caret, changed only here. The caret is an
 * index into the text (UTF-16 units) that never splits a character.
 */
export interface TextValue {
  readonly text: string;
  readonly caret: number;
}

/** What a key does to a text field. */
export type TextEdit =
  | { readonly kind: 'insert'; readonly text: string }
  /** Backspace and Delete both delete the character before the caret: Ink reports them alike. */
  | { readonly kind: 'backspace' }
  | { readonly kind: 'left' }
  | { readonly kind: 'right' }
  | { readonly kind: 'home' }
  | { readonly kind: 'end' };

/**
 * A field holds no control characters: a paste (or Enter arriving in the same
 * read as the next key) would otherwise put a line break or an escape into it.
 */
// eslint-disable-next-line no-control-regex
export const withoutControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

/** A text with the caret at its end. */
export function textAtEnd(text: string): TextValue {
  return { text, caret: text.length };
}

/** Length of the character that starts at `i` (2 for a surrogate pair). */
function charLengthAt(text: string, i: number): number {
  const code = text.codePointAt(i);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

/** Length of the character that ends at `i`. */
function charLengthBefore(text: string, i: number): number {
  if (i >= 2) {
    const low = text.charCodeAt(i - 1);
    const high = text.charCodeAt(i - 2);
    if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) return 2;
  }
  return 1;
}

/** The caret inside the text and on a character boundary. */
export function clampCaret(value: TextValue): number {
  const caret = Math.max(0, Math.min(value.caret, value.text.length));
  // Inside a surrogate pair: move to its start.
  if (caret > 0 && caret < value.text.length && charLengthBefore(value.text, caret + 1) === 2) return caret - 1;
  return caret;
}

export function editText(value: TextValue, edit: TextEdit): TextValue {
  const { text } = value;
  const caret = clampCaret(value);
  switch (edit.kind) {
    case 'insert': {
      const add = withoutControls(edit.text);
      return { text: text.slice(0, caret) + add + text.slice(caret), caret: caret + add.length };
    }
    case 'backspace': {
      if (caret === 0) return { text, caret };
      const n = charLengthBefore(text, caret);
      return { text: text.slice(0, caret - n) + text.slice(caret), caret: caret - n };
    }
    case 'left':
      return { text, caret: caret === 0 ? 0 : caret - charLengthBefore(text, caret) };
    case 'right':
      return { text, caret: caret >= text.length ? text.length : caret + charLengthAt(text, caret) };
    case 'home':
      return { text, caret: 0 };
    case 'end':
      return { text, caret: text.length };
  }
}

/** What a one-row field shows of its text: the part around the caret, and whether text is cut off at either side. */
export interface FieldWindow {
  readonly before: string;
  /** The character under the caret, or a space at the end of the text. */
  readonly atCaret: string;
  readonly after: string;
  /** Text hidden before `before` (the field shows a cut mark there). */
  readonly cutLeft: boolean;
  /** Text hidden after `after` (the field shows a cut mark there). */
  readonly cutRight: boolean;
}

/**
 * The part of a field's text that fits in `width` columns with the caret in view
 * (a long value scrolls sideways instead of wrapping). A cut mark takes one column
 * at a side where text is hidden. `widthOf` gives one character's columns. Fits
 * `width` from 4 columns up (two marks, the caret and a wide character's spare column).
 */
export function fieldWindow(value: TextValue, width: number, widthOf: (ch: string) => number): FieldWindow {
  const caret = clampCaret(value);
  const beforeChars = Array.from(value.text.slice(0, caret));
  const [first, ...rest] = Array.from(value.text.slice(caret));
  const atCaret = first ?? ' ';
  const w = (ch: string) => Math.max(1, widthOf(ch));
  const sum = (chars: readonly string[]) => chars.reduce((n, ch) => n + w(ch), 0);
  const caretWidth = w(atCaret);
  const beforeWidth = sum(beforeChars);
  const restWidth = sum(rest);
  // All of it fits.
  if (beforeWidth + caretWidth + restWidth <= width) return { before: value.text.slice(0, caret), atCaret, after: rest.join(''), cutLeft: false, cutRight: false };
  let start = 0;
  let end = 0;
  if (beforeWidth + caretWidth + 1 <= width) {
    // The start and the caret fit: as much after the caret as the cut mark leaves room for.
    let room = width - beforeWidth - caretWidth - 1;
    while (end < rest.length && w(rest[end]!) <= room) room -= w(rest[end++]!);
  } else {
    // The caret at the right edge, the characters before it after a cut mark (and a mark after it when text follows).
    let room = width - caretWidth - 1 - (rest.length > 0 ? 1 : 0);
    start = beforeChars.length;
    while (start > 0 && w(beforeChars[start - 1]!) <= room) room -= w(beforeChars[--start]!);
  }
  const cutLeft = start > 0;
  const cutRight = end < rest.length;
  return { before: beforeChars.slice(start).join(''), atCaret, after: rest.slice(0, end).join(''), cutLeft, cutRight };
}
