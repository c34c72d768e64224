import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Template } from '../../core/templates/types.js';
import { fit } from '../components/window.js';
import { exportText, type Derived } from '../state/derive.js';
import type { ParamRow } from '../state/params.js';
import { TAB_LABELS, TABS, type WorkspaceState } from '../state/types.js';
import { ExportTab } from './export-tab.js';
import { FindingsTab } from './findings-tab.js';
import { MatrixTab } from './matrix-tab.js';
import { PolicyTab } from './policy-tab.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface WorkspaceProps {
  readonly ws: WorkspaceState;
  readonly derived: Derived;
  readonly template: Template | undefined;
  readonly rows: readonly ParamRow[];
  readonly width: number;
  readonly height: number;
}

/** Title, tab bar and the current tab. */
export function Workspace(props: WorkspaceProps) {
  const { ws, derived, width, height } = props;
  const bodyHeight = height - 1;
  const statementName = useMemo(() => {
    const sids = derived.document?.statements.map((s) => s.sid) ?? [];
    return (i: number) => `${i}${sids[i] ? ` (${sids[i]})` : ''}`;
  }, [derived]);
  const pending = derived.pending;
  const tabs = TABS.map((t, i) => `${i + 1} ${TAB_LABELS[t]}${t === 'findings' ? ` (${pending ? SYMBOLS.ellipsis : derived.findings.length})` : ''}`);
  const progress = pending ? ` ${SYMBOLS.dot} checking ${pending.statements.toLocaleString('en-US')} statements${SYMBOLS.ellipsis}` : '';
  const tabsWidth = tabs.join('  ').length + 2;
  const edited = ws.dirty ? ' [edited]' : '';
  return (
    <Box flexDirection="column" height={height}>
      <Box>
        <Text bold wrap="truncate-end">
          {fit(`${derived.title} ${SYMBOLS.dot} ${derived.unreadable ? 'not readable JSON' : derived.kind === 'key' ? 'key policy' : 'IAM policy'}`, width - tabsWidth - 1 - edited.length - progress.length).padEnd(width - tabsWidth - edited.length - progress.length)}
        </Text>
        {/* The title gives way to it: what is being checked while the findings and matrix are computed. */}
        <Text color={paint('cyan')}>{progress}</Text>
        {/* Never cut by a long title: it is why q asks before quitting. */}
        <Text color={paint('yellow')}>{edited}</Text>
        {TABS.map((t, i) => (
          // Brackets as well as inverse: the current tab still shows where inverse does not (FORCE_COLOR=0, a plain capture).
          <Text key={t} inverse={ws.tab === t} bold={ws.tab === t}>
            {ws.tab === t ? '[' : ' '}
            {tabs[i]}
            {ws.tab === t ? ']' : ' '}
          </Text>
        ))}
      </Box>
      {ws.tab === 'policy' ? (
        <PolicyTab
          ws={ws}
          rows={props.rows}
          statements={derived.statements}
          grants={derived.grants}
          unreadable={derived.unreadable}
          width={width}
          height={bodyHeight}
        />
      ) : null}
      {pending && (ws.tab === 'matrix' || ws.tab === 'findings') ? <Pending what={ws.tab === 'matrix' ? 'Building the matrix' : 'Linting'} statements={pending.statements} /> : null}
      {ws.tab === 'matrix' && !pending ? <MatrixTab ws={ws} matrix={derived.matrix} statementName={statementName} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'findings' && !pending ? <FindingsTab findings={derived.findings} text={derived.text} selected={ws.finding} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'export' ? <ExportView ws={ws} derived={derived} width={width} height={bodyHeight} /> : null}
    </Box>
  );
}

/** While a large policy's findings and matrix are computed in the background: what is happening, and that keys still work. */
function Pending({ what, statements }: { what: string; statements: number }) {
  return (
    <Text>
      {what} of {statements.toLocaleString('en-US')} statements{SYMBOLS.ellipsis} The other tabs work meanwhile; q or Ctrl+C quits at once.
    </Text>
  );
}

function ExportView({ ws, derived, width, height }: { ws: WorkspaceState; derived: Derived; width: number; height: number }) {
  const text = useMemo(() => exportText(derived, ws.format), [derived, ws.format]);
  return <ExportTab format={ws.format} text={text} unreadable={derived.unreadable} width={width} height={height} />;
}
