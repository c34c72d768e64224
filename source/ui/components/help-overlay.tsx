import { Box, Text } from 'ink';
import { Para } from './para.js';
import { BINDINGS } from '../keys/bindings.js';
import { DISPLAY_LEGEND, DISPLAY_MEANINGS, DISPLAY_SYMBOLS, DISPLAY_WORDS } from '../../core/matrix/index.js';
import { SYMBOLS } from './symbols.js';

/** Every key binding with what it does (`?`). */
export function HelpOverlay({ height, width }: { readonly height: number; readonly width: number }) {
  const rows = BINDINGS;
  const half = Math.ceil(rows.length / 2);
  const column = (list: typeof rows) => (
    <Box flexDirection="column" width={Math.floor(width / 2)}>
      {list.map((b) => (
        <Text key={b.command} wrap="truncate-end">
          <Text bold>{b.label.padEnd(7)}</Text> {b.description}
        </Text>
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold>Keys (Esc or ? closes this help)</Text>
      <Box>
        {column(rows.slice(0, half))}
        {column(rows.slice(half))}
      </Box>
      <Para dimColor>
        In a text field (filter, parameter, file name, Ask value): {SYMBOLS.left} {SYMBOLS.right} Home End move the caret, Backspace deletes, Enter keeps, Esc cancels.
      </Para>
      <Para dimColor>
        Matrix symbols: {DISPLAY_LEGEND.map((d) => `${DISPLAY_SYMBOLS[d]} ${DISPLAY_WORDS[d]}`).join(` ${SYMBOLS.dot} `)}. {DISPLAY_SYMBOLS.iam}: {DISPLAY_MEANINGS.iam}.
      </Para>
    </Box>
  );
}
