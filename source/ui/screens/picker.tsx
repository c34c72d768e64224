import { Box, Text } from 'ink';
import { visibleLine } from '../../core/text/visible.js';
import { Line } from '../components/para.js';
import { fit, windowStart } from '../components/window.js';
import { SYMBOLS } from '../components/symbols.js';
import type { PickerState, WorkspaceSource } from '../state/types.js';

export interface PickerProps {
  readonly picker: PickerState;
  readonly width: number;
  readonly height: number;
}

/** One entry as the list shows it: name, kind, statement count and the line it starts at. */
export function pickerEntryLabel(source: WorkspaceSource): string {
  if (source.kind !== 'file' || !source.policy) return source.kind === 'file' ? visibleLine(source.name) : source.templateId;
  const p = source.policy;
  const statements = p.source.parsed.document?.statements.length;
  const line = p.source.parsed.ast?.start.line;
  const parts = [p.kind === 'key' ? 'key policy' : 'IAM policy', statements === undefined ? 'not readable' : `${statements} statement${statements === 1 ? '' : 's'}`];
  if (line !== undefined) parts.push(`line ${line}`);
  return `${visibleLine(p.name)}  ${SYMBOLS.dot} ${parts.join(` ${SYMBOLS.dot} `)}`;
}

/** `open` on a source with several policies (SPEC 6): pick one; Enter opens it, Esc in its workspace comes back here. */
export function Picker({ picker, width, height }: PickerProps) {
  const listHeight = Math.max(1, height - 2);
  const start = windowStart(picker.selected, picker.entries.length, listHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>{fit(`${visibleLine(picker.file)} holds ${picker.entries.length} policies: pick one to open`, width)}</Line>
      <Line dimColor>{fit('Enter opens it; Esc in its workspace comes back to this list.', width)}</Line>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {picker.entries.slice(start, start + listHeight).map((entry, k) => {
          const i = start + k;
          return (
            <Text key={i} inverse={i === picker.selected} wrap="truncate-end">
              {i === picker.selected ? `${SYMBOLS.pointer} ` : '  '}
              {fit(pickerEntryLabel(entry), width - 2)}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
