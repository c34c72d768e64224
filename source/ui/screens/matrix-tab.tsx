import { Box, Text } from 'ink';
import { Para } from '../components/para.js';
import type { Matrix } from '../../core/matrix/types.js';
import { fit, windowStart } from '../components/window.js';
import type { WorkspaceState } from '../state/types.js';
import { cellDecision, cellDetail, DECISION_COLORS, legendText, matrixColumns, symbolOf } from './matrix-view.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface MatrixTabProps {
  readonly ws: WorkspaceState;
  readonly matrix: Matrix | null;
  readonly statementName: (index: number) => string;
  readonly width: number;
  readonly height: number;
}

/** Who can do what: rows × action groups (or single actions), a cursor, and the detail of the selected cell. */
export function MatrixTab({ ws, matrix, statementName, width, height }: MatrixTabProps) {
  if (!matrix) return <Text>No matrix: the policy could not be read (see Findings).</Text>;
  const { mode } = ws.matrix;
  const columns = matrixColumns(matrix, mode);
  const labelWidth = Math.min(30, Math.max(16, Math.floor(width * 0.3)));
  const cellWidth = mode === 'groups' ? Math.max(7, Math.floor((width - labelWidth - 1) / columns.length)) : 3;
  const visibleCols = Math.max(1, Math.floor((width - labelWidth - 1) / cellWidth));
  const colStart = windowStart(ws.matrix.col, columns.length, visibleCols);
  const shown = columns.slice(colStart, colStart + visibleCols);
  const detailHeight = 4;
  const gridRows = Math.max(1, height - 2 - detailHeight);
  const rowStart = windowStart(ws.matrix.row, matrix.rows.length, gridRows);
  const row = matrix.rows[ws.matrix.row];
  const column = columns[ws.matrix.col];
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>{(mode === 'groups' ? 'Action groups' : 'Single actions').padEnd(labelWidth)}</Text>{' '}
        {shown.map((c, k) => (
          <Text key={c.name} underline={colStart + k === ws.matrix.col}>
            {mode === 'groups' ? fit(c.heading, cellWidth - 1).padEnd(cellWidth) : initials(c.heading).padEnd(3)}
          </Text>
        ))}
      </Text>
      {matrix.rows.slice(rowStart, rowStart + gridRows).map((r, k) => {
        const ri = rowStart + k;
        return (
          <Text key={r.subject} wrap="truncate-end">
            <Text inverse={ri === ws.matrix.row}>{fit(r.label, labelWidth).padEnd(labelWidth)}</Text>{' '}
            {shown.map((c, ck) => {
              const d = cellDecision(r, c, mode, matrix.kind);
              const here = ri === ws.matrix.row && colStart + ck === ws.matrix.col;
              const symbol = symbolOf(d);
              const text = here ? `[${symbol}]` : ` ${symbol} `;
              return (
                <Text key={c.name} color={paint(DECISION_COLORS[d])} bold={here}>
                  {text.padEnd(cellWidth)}
                </Text>
              );
            })}
          </Text>
        );
      })}
      {/* Where the window is comes first: the legend may be cut at 80 columns, the position must not. */}
      <Text dimColor wrap="truncate-end">
        {[
          matrix.rows.length > gridRows ? `rows ${rowStart + 1}-${Math.min(rowStart + gridRows, matrix.rows.length)} of ${matrix.rows.length}` : '',
          columns.length > visibleCols ? `columns ${colStart + 1}-${colStart + shown.length} of ${columns.length}` : '',
          legendText(matrix.kind),
        ]
          .filter(Boolean)
          .join(` ${SYMBOLS.dot} `)}
      </Text>
      <Box flexDirection="column" height={detailHeight} overflow="hidden">
        {row && column ? (
          <>
            {/* The title never shrinks away when the detail below it is longer than the area. */}
            <Box flexShrink={0}>
              <Text bold wrap="truncate-end">
                {row.label} {SYMBOLS.times} {column.name}
              </Text>
            </Box>
            <Para>{cellDetail(row, column, mode, statementName, matrix.kind)}</Para>
          </>
        ) : (
          <Text dimColor>The policy names no principal or resource.</Text>
        )}
      </Box>
    </Box>
  );
}

/** Two letters for a 3-column action heading: the capitals of the name (GenerateMac → GM); the detail line names the action. */
function initials(name: string): string {
  const caps = name.replace(/[^A-Z]/g, '');
  return (caps.length >= 2 ? caps : name).slice(0, 2);
}
