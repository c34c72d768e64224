import { Box, Text } from 'ink';
import { BREAKPOINTS } from '../hooks/useTerminalSize.js';
import { paint } from './colors.js';

/** Shown instead of the app when the terminal is below the minimum size. */
export function TooSmall({ columns, rows, question }: { readonly columns: number; readonly rows: number; readonly question?: string | null }) {
  const { columns: needC, rows: needR } = BREAKPOINTS.minimum;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        kms-policy-tui needs a terminal of at least {needC}x{needR}; this one is {columns}x{rows}.
      </Text>
      <Text wrap="wrap">Enlarge the window (or press q to quit).</Text>
      {question ? (
        <Text wrap="wrap" color={paint('yellow')}>
          {question}
        </Text>
      ) : null}
    </Box>
  );
}
