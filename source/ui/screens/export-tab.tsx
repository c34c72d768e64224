import { exportPreviewRows } from './tab-areas.js';
import { Box, Text } from 'ink';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface ExportTabProps {
  readonly format: ExportFormat;
  /** The preview's lines (visible-safe), exactly what `c` copies and `w` writes. */
  readonly lines: readonly string[];
  /** First line in view. */
  readonly offset: number;
  /** Why there is nothing to export, if the policy could not be read. */
  readonly unreadable: string | null;
  readonly width: number;
  readonly height: number;
}

/** Format choice and a preview of exactly what `c` copies and `w` writes. */
export function ExportTab({ format, lines, offset, unreadable, width, height }: ExportTabProps) {
  // One row whatever the width (the scroll keys are also on the position line below the preview).
  const formatBar = (
    <Text wrap="truncate-end">
      <Text bold>Format: </Text>
      {EXPORT_FORMATS.map((f) => (
        <Text key={f} inverse={f === format}>
          {f === format ? `[${EXPORT_LABELS[f]}]` : ` ${EXPORT_LABELS[f]} `}{' '}
        </Text>
      ))}
      <Text dimColor>
        {' '}
        {SYMBOLS.leftRight} format {SYMBOLS.dot} j/k scroll {SYMBOLS.dot} c copy {SYMBOLS.dot} w write
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
  const room = exportPreviewRows(height);
  const start = Math.max(0, Math.min(offset, lines.length - room));
  const shown = lines.slice(start, start + room);
  const end = start + shown.length;
  return (
    <Box flexDirection="column" height={height} width={width}>
      {formatBar}
      <Box flexDirection="column" overflow="hidden" height={room}>
        {shown.map((l, i) => (
          <Text key={start + i} wrap="truncate-end">
            {l || ' '}
          </Text>
        ))}
      </Box>
      <Text dimColor>
        {lines.length > room ? `lines ${start + 1}-${end} of ${lines.length}${end < lines.length ? ` ${SYMBOLS.dot} ${lines.length - end} more below (j, PgDn, End)` : ' (end)'}` : `${lines.length} lines`}
      </Text>
    </Box>
  );
}
