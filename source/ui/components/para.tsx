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

/** One line, cut at the edge, that keeps its row inside a fixed-height box (a bare Text there can be squeezed to nothing). */
export function Line(props: TextProps) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end" {...props} />
    </Box>
  );
}
