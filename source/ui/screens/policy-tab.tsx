import { Box, Text } from 'ink';
import { JsonView } from '../components/json-view.js';
import { Line, Para } from '../components/para.js';
import { TextField } from '../components/text-field.js';
import { fit, windowStart } from '../components/window.js';
import type { StatementView } from '../state/derive.js';
import type { ParamRow } from '../state/params.js';
import type { WorkspaceState } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface PolicyTabProps {
  readonly ws: WorkspaceState;
  readonly rows: readonly ParamRow[];
  readonly statements: readonly StatementView[];
  /** Why the policy could not be read, if it could not. */
  readonly unreadable: string | null;
  readonly width: number;
  readonly height: number;
}

/** Parameters form and statement list above; the selected statement's JSON and explanation side by side below. */
export function PolicyTab(props: PolicyTabProps) {
  const { ws, rows, statements, width, height } = props;
  const topHeight = Math.min(Math.max(rows.length, statements.length) + 2, Math.floor(height * 0.4));
  const bottomHeight = height - topHeight;
  const half = Math.floor(width / 2);
  const statement = statements[ws.statement];
  const noStatement = props.unreadable ? 'None: the policy is not readable JSON (see Findings, 3)' : 'No statement';
  return (
    <Box flexDirection="column" height={height}>
      <Box height={topHeight}>
        {rows.length > 0 ? (
          <Box width={half} flexDirection="column" overflow="hidden">
            <ParametersForm {...props} height={topHeight} width={half - 1} />
          </Box>
        ) : null}
        <Box width={rows.length > 0 ? width - half : width} flexDirection="column" overflow="hidden">
          <StatementList ws={ws} statements={statements} height={topHeight} width={rows.length > 0 ? width - half : width} />
        </Box>
      </Box>
      <Box height={bottomHeight}>
        <Box width={half} flexDirection="column" overflow="hidden" paddingRight={1}>
          <Line bold>{statement ? `Statement ${ws.statement} JSON` : 'Statement JSON'}</Line>
          {statement ? <JsonView text={statement.json} width={half - 1} /> : <Line dimColor>{noStatement}</Line>}
        </Box>
        <Box width={width - half} flexDirection="column" overflow="hidden">
          <Line bold>What it does</Line>
          <Para>
            {statement?.summary ?? ''}
          </Para>
          {statement?.note ? (
            <Para>
              <Text bold color={paint('magenta')}>
                Note:{' '}
              </Text>
              {statement.note}
            </Para>
          ) : null}
          {(statement?.bullets ?? []).map((b, i) => (
            // A hanging indent: wrapped lines stay under their bullet's text.
            <Box key={i} flexShrink={0} paddingLeft={b.depth * 2}>
              <Text dimColor>{SYMBOLS.bullet} </Text>
              <Box flexShrink={1}>
                <Text dimColor wrap="wrap">
                  {b.text}
                </Text>
              </Box>
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function ParametersForm({ ws, rows, height, width }: PolicyTabProps & { height: number; width: number }) {
  const focused = ws.pane === 'parameters';
  const size = height - 1 - (ws.editing?.error ? 1 : 0);
  const start = windowStart(ws.paramRow, rows.length, size);
  const labelWidth = Math.min(18, Math.floor(width / 2.5));
  return (
    <>
      <Line bold underline={focused}>
        Parameters{focused ? ` ${SYMBOLS.focus}` : ''}
      </Line>
      {rows.slice(start, start + size).map((row, k) => {
        const i = start + k;
        const selected = i === ws.paramRow;
        const editing = ws.editing?.row === i ? ws.editing : null;
        // The entry number of a list stays visible however long the label.
        const entry = row.entry === null ? '' : ` ${row.entry + 1}`;
        const label = `${fit(row.param.label, labelWidth - entry.length)}${entry}`;
        const valueWidth = Math.max(1, width - labelWidth - 3);
        return (
          <Box key={`${row.param.name}-${row.entry ?? ''}`} flexDirection="column" flexShrink={0}>
            <Box>
              <Box flexShrink={0}>
                <Text inverse={selected && focused && !editing}>
                  {selected ? `${SYMBOLS.pointer} ` : '  '}
                  {label.padEnd(labelWidth)}{' '}
                </Text>
              </Box>
              <Box width={valueWidth} flexShrink={0}>
                {editing ? (
                  <TextField value={{ text: editing.draft, caret: editing.caret }} width={valueWidth} />
                ) : (
                  <Text color={paint('green')} wrap="truncate-end">
                    {fit(row.value, valueWidth)}
                  </Text>
                )}
              </Box>
            </Box>
            {editing?.error ? (
              <Text color={paint('red')} wrap="truncate-end">
                {`  ${SYMBOLS.cross} `}
                {editing.error}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </>
  );
}

function StatementList({ ws, statements, height, width }: { ws: WorkspaceState; statements: readonly StatementView[]; height: number; width: number }) {
  const focused = ws.pane === 'statements';
  const size = height - 1;
  const start = windowStart(ws.statement, statements.length, size);
  return (
    <>
      <Text bold underline={focused}>
        Statements ({statements.length}){focused ? ` ${SYMBOLS.focus}` : ''}
      </Text>
      {statements.slice(start, start + size).map((s) => {
        const selected = s.index === ws.statement;
        return (
          <Text key={s.index} inverse={selected && focused} wrap="truncate-end">
            {selected ? `${SYMBOLS.pointer} ` : '  '}
            {fit(s.label, width - 3)}
          </Text>
        );
      })}
    </>
  );
}
