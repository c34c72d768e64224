import { visible } from '../../core/text/visible.js';
import { Box, Text } from 'ink';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface ExportTabProps {
  readonly format: ExportFormat;
  readonly text: string;
  /** Why there is nothing to export, if the policy could not be read. */
  readonly unreadable: string | null;
  readonly width: number;
  readonly height: number;
}

/** Format choice and a preview of exactly what `c` copies and `w` writes. */
export function ExportTab({ format, text, unreadable, width, height }: ExportTabProps) {
  const formatBar = (
    <Text>
      <Text bold>Format: </Text>
      {EXPORT_FORMATS.map((f) => (
        <Text key={f} inverse={f === format}>
          {f === format ? `[${EXPORT_LABELS[f]}]` : ` ${EXPORT_LABELS[f]} `}{' '}
        </Text>
      ))}
      <Text dimColor>
        {' '}
        {SYMBOLS.leftRight} change {SYMBOLS.dot} c copy {SYMBOLS.dot} w write
      </Text>
    </Text>
  );
  if (unreadable) {
    return (
      <Box flexDirection="column" height={height} width={width}>
        {formatBar}
        <Text color={paint('red')} wrap="wrap">
          Nothing to export: {unreadable}.
        </Text>
      </Box>
    );
  }
  // The preview is exactly what is written, shown visible-safe (a Terraform or YAML string may hold a raw bidi or C1 character).
  const lines = visible(text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const room = Math.max(1, height - 2);
  const shown = lines.length > room ? lines.slice(0, room - 1) : lines;
  return (
    <Box flexDirection="column" height={height} width={width}>
      {formatBar}
      <Box flexDirection="column" overflow="hidden" height={room}>
        {shown.map((l, i) => (
          <Text key={i} wrap="truncate-end">
            {l || ' '}
          </Text>
        ))}
        {lines.length > room ? <Text dimColor>{SYMBOLS.ellipsis} {lines.length - shown.length} more lines (w writes them all)</Text> : null}
      </Box>
      <Text dimColor>{lines.length} lines</Text>
    </Box>
  );
}
