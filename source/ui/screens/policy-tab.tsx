import { Box, Text } from 'ink';
import { Line } from '../components/para.js';
import { TextField } from '../components/text-field.js';
import { fit, windowStart } from '../components/window.js';
import type { StatementView } from '../state/derive.js';
import type { ParamRow } from '../state/params.js';
import type { WorkspaceState } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';
import { aboveHint, belowHint, columnWindow, detailRows, leftRows, policyLayout, type Row } from './policy-layout.js';

export interface PolicyTabProps {
  readonly ws: WorkspaceState;
  readonly rows: readonly ParamRow[];
  readonly statements: readonly StatementView[];
  /** The key's grants (open --grants), two lines each; shown where a template's parameters would be. */
  readonly grants?: readonly (readonly [string, string])[];
  /** Why the policy could not be read, if it could not. */
  readonly unreadable: string | null;
  readonly width: number;
  readonly height: number;
}

/** Parameters form and statement list above; the selected statement's JSON and explanation side by side below, scrolled together (PgDn/PgUp). */
export function PolicyTab(props: PolicyTabProps) {
  const { ws, rows, statements, width, height } = props;
  const layout = policyLayout(width, height, leftRows(rows.length, props.grants?.length ?? 0), statements.length);
  const { topHeight, bottomHeight, half } = layout;
  const statement = statements[ws.statement];
  const noStatement = props.unreadable ? 'None: the policy is not readable JSON (see Findings, 3)' : 'No statement';
  const detail = statement ? detailRows(statement, layout) : null;
  const keys = ws.pane === 'statements';
  const grants = rows.length === 0 ? (props.grants ?? []) : [];
  const split = rows.length > 0 || grants.length > 0;
  return (
    <Box flexDirection="column" height={height}>
      <Box height={topHeight}>
        {rows.length > 0 ? (
          <Box width={half} flexDirection="column" overflow="hidden">
            <ParametersForm {...props} height={topHeight} width={half - 1} />
          </Box>
        ) : null}
        {grants.length > 0 ? (
          <Box width={half} flexDirection="column" overflow="hidden">
            <GrantList grants={grants} height={topHeight} width={half - 1} />
          </Box>
        ) : null}
        <Box width={split ? width - half : width} flexDirection="column" overflow="hidden">
          <StatementList ws={ws} statements={statements} height={topHeight} width={split ? width - half : width} />
        </Box>
      </Box>
      <Box height={bottomHeight}>
        <Box width={half} flexDirection="column" overflow="hidden" paddingRight={1}>
          {detail ? (
            <DetailColumn title={`Statement ${ws.statement} JSON`} rows={detail.json} offset={ws.detailOffset} size={layout.detailRows} width={layout.jsonWidth} keys={keys} />
          ) : (
            <>
              <Line bold>Statement JSON</Line>
              <Line dimColor>{noStatement}</Line>
            </>
          )}
        </Box>
        <Box width={width - half} flexDirection="column" overflow="hidden">
          <DetailColumn title="What it does" rows={detail?.text ?? []} offset={ws.detailOffset} size={layout.detailRows} width={layout.textWidth} keys={keys} />
        </Box>
      </Box>
    </Box>
  );
}

/** One column of the statement detail: its heading (saying how much is scrolled past), the rows in view, and how many more are below. */
function DetailColumn({ title, rows, offset, size, width, keys }: { title: string; rows: readonly Row[]; offset: number; size: number; width: number; keys: boolean }) {
  const w = columnWindow(rows.length, offset, size);
  const above = aboveHint(w.above);
  return (
    <>
      <Line>
        <Text bold>{title}</Text>
        {above ? <Text dimColor>{fit(`  ${above}`, Math.max(0, width - title.length))}</Text> : null}
      </Line>
      {rows.slice(w.start, w.start + w.shown).map((row, i) => (
        <Line key={w.start + i}>
          {row.map((s, j) => (
            <Text key={j} color={paint(s.color)} bold={s.bold ?? false} dimColor={s.dim ?? false}>
              {s.text}
            </Text>
          ))}
        </Line>
      ))}
      {w.below > 0 ? <Line dimColor>{fit(belowHint(w.below, keys), width)}</Line> : null}
    </>
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

/** The key's grants, read-only: grantee and operations, then constraints and retiring principal; "+N more" when they do not fit. */
function GrantList({ grants, height, width }: { grants: readonly (readonly [string, string])[]; height: number; width: number }) {
  const fits = Math.max(0, Math.floor((height - 1) / 2));
  const shown = grants.length > fits ? Math.max(0, Math.floor((height - 2) / 2)) : grants.length;
  return (
    <>
      <Text bold>Grants ({grants.length})</Text>
      {grants.slice(0, shown).map(([who, how], i) => (
        <Box key={i} flexDirection="column" flexShrink={0}>
          <Text wrap="truncate-end">{`  ${fit(who, width - 2)}`}</Text>
          <Text dimColor wrap="truncate-end">{`    ${fit(how, width - 4)}`}</Text>
        </Box>
      ))}
      {shown < grants.length ? <Text dimColor>{fit(`  +${grants.length - shown} more grants`, width)}</Text> : null}
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
