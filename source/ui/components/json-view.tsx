import { Box, Text } from 'ink';
import { memo } from 'react';
import { Para } from './para.js';

type Token = { readonly text: string; readonly color?: string };

// Keys, strings and literals of pretty-printed JSON, one line at a time (no full parser needed for display).
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/g;

export function tokenizeJsonLine(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: line.slice(last, at) });
    if (m[1] !== undefined) {
      out.push({ text: m[1], color: m[2] ? 'cyan' : 'green' });
      if (m[2]) out.push({ text: m[2] });
    } else out.push({ text: m[0], color: 'yellow' });
    last = at + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/** Colored, wrapped JSON text; the caller's box clips what does not fit. */
export const JsonView = memo(function JsonView({ text, width }: { readonly text: string; readonly width: number }) {
  const lines = text.split('\n');
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <Para key={i}>
          {tokenizeJsonLine(line).map((t, j) => (
            <Text key={j} color={t.color}>
              {t.text}
            </Text>
          ))}
        </Para>
      ))}
    </Box>
  );
});
