import { Box, Text } from 'ink';
import type { Matrix, MatrixRow } from '../../core/matrix/types.js';
import { Line, Para } from '../components/para.js';
import type { WorkspaceState } from '../state/types.js';
import { cellDetailLines, cellShown, DECISION_COLORS, legendItems, type MatrixColumn } from './matrix-view.js';
import { headingText, LEGEND_SEPARATOR, matrixAreas, matrixLayout, packLines, shortSubject, subjectHeading, subjectLabel, type MatrixLayout } from './matrix-layout.js';
import { middleEllipsis } from '../components/ellipsis.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

const GROUPS_TITLE = 'Action groups';
const ACTIONS_TITLE = 'Single actions';

export interface MatrixTabProps {
  readonly ws: WorkspaceState;
  readonly matrix: Matrix | null;
  readonly statementName: (index: number) => string;
  readonly width: number;
  readonly height: number;
}

/** Who can do what: principals × action groups (or single actions, or transposed), a cursor, and every path of the cell under it. */
export function MatrixTab({ ws, matrix, statementName, width, height }: MatrixTabProps) {
  if (!matrix) return <Text>No matrix: the policy could not be read (see Findings).</Text>;
  const m = ws.matrix;
  const legend = packLines(legendItems(matrix.kind, m.mode), LEGEND_SEPARATOR, width);
  const areas = matrixAreas(height, legend.length);
  const layout = matrixLayout(matrix, m, width, areas.gridRows);
  const row = matrix.rows[m.row];
  const column = layout.columns[m.col];
  const detail = row && column ? cellDetailLines(row, column, m.mode, statementName, matrix.kind) : [];
  // The window's position when the heading has no room for it: first in the detail area, above the cell's title.
  const rest = headingText(layout, m.mode === 'groups' ? GROUPS_TITLE : ACTIONS_TITLE, width).rest;
  return (
    <Box flexDirection="column" height={height}>
      <HeadingLine matrix={matrix} layout={layout} mode={m.mode} width={width} />
      <Box flexDirection="column" height={layout.gridRows} overflow="hidden">
        {layout.lines.slice(layout.lineStart, layout.lineStart + layout.gridRows).map((line) => (
          <GridLineView key={line.kind === 'heading' ? `h${line.group}` : line.index} line={line} matrix={matrix} layout={layout} ws={ws} />
        ))}
      </Box>
      {legend.map((l, i) => (
        <Line key={i} dimColor>
          {l}
        </Line>
      ))}
      <Box flexDirection="column" height={areas.detailRows} overflow="hidden">
        {rest ? <Line dimColor>{rest}</Line> : null}
        {row && column ? (
          <>
            <Line bold>
              {row.label} {SYMBOLS.times} {column.name}
            </Line>
            {detail.map((l, i) => (
              <Para key={i}>{l}</Para>
            ))}
          </>
        ) : (
          <Text dimColor>The policy names no principal or resource.</Text>
        )}
      </Box>
    </Box>
  );
}

/** The column headings, and where the window is (rows and columns in view) when the grid scrolls. */
function HeadingLine({ matrix, layout, mode, width }: { matrix: Matrix; layout: MatrixLayout; mode: WorkspaceState['matrix']['mode']; width: number }) {
  const { labelWidth, cellWidth, visibleCols } = layout.widths;
  const actionsDown = layout.orientation === 'actions-rows';
  const title = mode === 'groups' ? GROUPS_TITLE : ACTIONS_TITLE;
  const headings = Array.from({ length: Math.min(visibleCols, layout.acrossCount - layout.colStart) }, (_, k) => {
    const i = layout.colStart + k;
    const row = matrix.rows[i]!;
    const lines = !actionsDown ? [layout.columns[i]?.heading ?? ''] : layout.headingRows === 2 ? subjectHeading(row) : [shortSubject(row)];
    return { i, lines: lines.map((l) => middleEllipsis(l, cellWidth - 1).padEnd(cellWidth)) };
  });
  const place = headingText(layout, title, width);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {Array.from({ length: layout.headingRows }, (_, r) => (
        <Text key={r} wrap="truncate-end">
          <Text bold={r === 0}>{middleEllipsis(place.corner[r] ?? '', labelWidth).padEnd(labelWidth)}</Text>{' '}
          {headings.map((h) => (
            <Text key={h.i} underline={h.i === layout.cursorAcross && r === layout.headingRows - 1} bold={h.i === layout.cursorAcross}>
              {h.lines[r] ?? ''.padEnd(cellWidth)}
            </Text>
          ))}
          {place.after && r === 0 ? <Text dimColor>  {place.after}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}

function GridLineView({ line, matrix, layout, ws }: { line: MatrixLayout['lines'][number]; matrix: Matrix; layout: MatrixLayout; ws: WorkspaceState }) {
  const { labelWidth, cellWidth, visibleCols } = layout.widths;
  const actionsDown = layout.orientation === 'actions-rows';
  const across = Array.from({ length: Math.min(visibleCols, layout.acrossCount - layout.colStart) }, (_, k) => layout.colStart + k);
  if (line.kind === 'heading') {
    return (
      <Line bold>
        {middleEllipsis(line.text, labelWidth).padEnd(labelWidth)}
      </Line>
    );
  }
  const here = line.index === layout.cursorDown;
  const label = actionsDown ? middleEllipsis(line.text, labelWidth) : subjectLabel(matrix.rows[line.index]!, labelWidth);
  const cellOf = (a: number): { row: MatrixRow; column: MatrixColumn } =>
    actionsDown ? { row: matrix.rows[a]!, column: layout.columns[line.index]! } : { row: matrix.rows[line.index]!, column: layout.columns[a]! };
  return (
    <Line>
      <Text inverse={here} bold={here}>
        {label.padEnd(labelWidth)}
      </Text>{' '}
      {across.map((a) => {
        const { row, column } = cellOf(a);
        const shown = cellShown(row, column, ws.matrix.mode, matrix.kind);
        const cursor = here && a === layout.cursorAcross;
        // Brackets mark the cursor where inverse does not show (FORCE_COLOR=0, a plain capture); a count too wide for them gets a pointer.
        const text = cursor ? (shown.text.length + 2 < cellWidth ? `[${shown.text}]` : `>${shown.text}`) : ` ${shown.text}`;
        return (
          <Text key={a} color={paint(DECISION_COLORS[shown.display])} bold={cursor} inverse={cursor}>
            {text.padEnd(cellWidth)}
          </Text>
        );
      })}
    </Line>
  );
}
