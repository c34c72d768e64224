import { visibleLine } from '../../core/text/visible.js';
import { Box, Text } from 'ink';
import { footerHints, HINT_GAP, type KeyContext } from '../keys/bindings.js';
import type { StatusMessage } from '../state/types.js';
import { paint } from './colors.js';
import fastStringWidth from '../perf/string-width.js';

/** Rows the status message takes: one, or up to three when it is wider than the terminal. */
export function statusRows(message: StatusMessage | null, width: number): number {
  if (!message) return 1;
  // Words wrap, so a row holds a little less than its width: count generously.
  return Math.min(3, Math.max(1, Math.ceil(fastStringWidth(visibleLine(message.text)) / Math.max(1, width - 8))));
}

/** The status line (message or question) and the keys of the current context. */
export function Footer({ context, message, width, hideStatus }: { readonly context: KeyContext; readonly message: StatusMessage | null; readonly width: number; readonly hideStatus?: boolean }) {
  const hints = footerHints(context, width);
  return (
    <Box flexDirection="column" width={width}>
      {hideStatus ? null : (
        // Up to three rows when the message needs them (a copy's caveat comes last): wrapped, never cut mid-caveat at 80 columns.
        <Box height={statusRows(message, width)} overflow="hidden">
          <Text wrap="wrap" color={paint(message?.tone === 'error' ? 'red' : undefined)}>
            {message ? visibleLine(message.text) : ' '}
          </Text>
        </Box>
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
