import { visibleLine } from '../../core/text/visible.js';
import { Box, Text } from 'ink';
import { footerHints, HINT_GAP, type KeyContext } from '../keys/bindings.js';
import type { StatusMessage } from '../state/types.js';
import { paint } from './colors.js';

/** The status line (message or question) and the keys of the current context. */
export function Footer({ context, message, width, hideStatus }: { readonly context: KeyContext; readonly message: StatusMessage | null; readonly width: number; readonly hideStatus?: boolean }) {
  const hints = footerHints(context, width);
  return (
    <Box flexDirection="column" width={width}>
      {hideStatus ? null : (
        <Text wrap="truncate-end" color={paint(message?.tone === 'error' ? 'red' : undefined)}>
          {message ? visibleLine(message.text) : ' '}
        </Text>
      )}
      <Text wrap="truncate-end">
        {hints.map((h, i) => (
          <Text key={h.key + h.text}>
            {i > 0 ? ' '.repeat(HINT_GAP) : ''}
            <Text bold>{h.key}</Text> {h.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
