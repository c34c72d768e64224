import { Box, Text } from 'ink';
import { Line, Para } from '../components/para.js';
import { fit, windowStart } from '../components/window.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';
import { SIGNS, type ChangeLine, type Changes } from '../state/changes-model.js';
import { CHANGE_DETAIL_ROWS, changesListRows } from './tab-areas.js';

/** widened red, narrowed green (as in the `diff` command's text), changed yellow. */
const COLORS = { widened: 'red', narrowed: 'green', changed: 'yellow' } as const;

export interface ChangesTabProps {
  readonly changes: Changes | null;
  /** What the policy is compared with, as shown to people ("the template at its defaults", a file name through visibleLine). */
  readonly baseline: string;
  readonly selected: number;
  readonly width: number;
  readonly height: number;
}

type Row = { readonly kind: 'group'; readonly title: string } | { readonly kind: 'change'; readonly index: number; readonly line: ChangeLine };

/**
 * What the edits (or the policy against `--against OLD`) widened, narrowed or changed in who
 * can do what (SPEC 6, 2.4): one line per cell, grouped by principal, each with its why.
 * Enter goes to the current statement behind the selected change.
 */
export function ChangesTab({ changes, baseline, selected, width, height }: ChangesTabProps) {
  if (!changes || changes.status === 'pending') {
    const n = changes?.status === 'pending' ? `${changes.statements.toLocaleString('en-US')} statements` : 'the policy';
    return <Text>Comparing {n} with {baseline}{SYMBOLS.ellipsis} The other tabs work meanwhile; q or Ctrl+C quits at once.</Text>;
  }
  if (changes.status === 'unreadable') return <Para>Nothing to compare: {changes.reason}.</Para>;
  if (changes.status === 'same' || changes.groups.length === 0) {
    return (
      <Para color={paint('green')}>
        No change in who can do what, compared with {baseline}.{changes.status === 'same' ? ' Edit a parameter to see what it widens or narrows.' : ''}
      </Para>
    );
  }
  const rows: Row[] = changes.groups.flatMap((g): Row[] => [{ kind: 'group', title: g.title }, ...g.lines.map((line, k): Row => ({ kind: 'change', index: g.first + k, line }))]);
  const total = changes.statements.length;
  const at = Math.min(selected, total - 1);
  const atRow = rows.findIndex((r) => r.kind === 'change' && r.index === at);
  const listHeight = changesListRows(height);
  const start = windowStart(atRow, rows.length, listHeight);
  const current = (rows[atRow] as Extract<Row, { kind: 'change' }> | undefined)?.line;
  const { widened, narrowed, changed } = changes.summary;
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>
        Compared with {baseline}: <Text color={paint('red')}>+{widened} widened</Text> <Text color={paint('green')}>-{narrowed} narrowed</Text>
        {changed ? ` ~${changed} changed` : ''} {SYMBOLS.dash} Enter jumps to the statement
      </Line>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {rows.slice(start, start + listHeight).map((r, k) =>
          r.kind === 'group' ? (
            <Line key={`g${start + k}`} bold>
              {fit(r.title, width)}
            </Line>
          ) : (
            <Text key={`c${r.index}`} inverse={r.index === at} wrap="truncate-end">
              {r.index === at ? `${SYMBOLS.pointer} ` : '  '}
              <Text color={paint(COLORS[r.line.change])}>{SIGNS[r.line.change]} {r.line.action}</Text>
              {fit(`  ${r.line.why}`, Math.max(0, width - 4 - r.line.action.length))}
            </Text>
          ),
        )}
      </Box>
      {current ? (
        <Box flexDirection="column" height={CHANGE_DETAIL_ROWS} overflow="hidden">
          <Line bold>
            <Text color={paint(COLORS[current.change])}>{current.change}</Text> {current.action}: statements {current.before} before, {current.after} now
          </Line>
          <Para>{current.why}</Para>
        </Box>
      ) : null}
    </Box>
  );
}
