import { Box, Text, type TextProps } from 'ink';

/**
 * Wrapped text that keeps its full height inside a fixed-height box: the box
 * clips it (overflow hidden) instead of squeezing it over its neighbours.
 */
export function Para(props: TextProps) {
  return (
    <Box flexShrink={0}>
      <Text wrap="wrap" {...props} />
    </Box>
  );
}
