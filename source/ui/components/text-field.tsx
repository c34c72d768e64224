import { visibleLine } from '../../core/text/visible.js';
import { Text } from 'ink';
import fastStringWidth from '../perf/string-width.js';
import { fieldWindow, type TextValue } from '../state/text-edit.js';
import { SYMBOLS } from './symbols.js';

export interface TextFieldProps {
  /** The text and where the caret is (state, edited by the reducer: see state/text-edit.ts). */
  readonly value: TextValue;
  /** Columns the field may take: it stays on one row, and a longer text scrolls to keep the caret in view. */
  readonly width: number;
  /** Shown dim after the caret while the text is empty. */
  readonly placeholder?: string;
}

const charWidth = (ch: string) => fastStringWidth(ch);
/** Marks text scrolled out of view; one column, as fieldWindow counts it. */
const CUT = SYMBOLS.unicode ? '…' : '~';

/**
 * A one-row text field with its caret (inverse video, which NO_COLOR keeps). It
 * only displays: the app's one input handler turns keys into edits of the state.
 */
export function TextField({ value, width, placeholder }: TextFieldProps) {
  const w = fieldWindow(value, width, charWidth);
  if (value.text === '' && placeholder) {
    const rest = Array.from(placeholder);
    return (
      <Text wrap="truncate-end">
        <Text inverse>{rest[0] ?? ' '}</Text>
        <Text dimColor>{rest.slice(1).join('').slice(0, Math.max(0, width - 1))}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {w.cutLeft ? <Text dimColor>{CUT}</Text> : null}
      {visibleLine(w.before)}
      <Text inverse>{visibleLine(w.atCaret)}</Text>
      {visibleLine(w.after)}
      {w.cutRight ? <Text dimColor>{CUT}</Text> : null}
    </Text>
  );
}
