import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Template } from '../../core/templates/types.js';
import { fit } from '../components/window.js';
import { exportLines, type Derived } from '../state/derive.js';
import type { ParamRow } from '../state/params.js';
import { TAB_LABELS, TABS, type WorkspaceState } from '../state/types.js';
import { AskTab } from './ask-tab.js';
import { ChangesTab } from './changes-tab.js';
import { changeCounts, type Changes } from '../state/changes-model.js';
import { visibleLine } from '../../core/text/visible.js';
import { ExportTab } from './export-tab.js';
import { FindingsTab } from './findings-tab.js';
import { MatrixTab } from './matrix-tab.js';
import { PolicyTab } from './policy-tab.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface WorkspaceProps {
  readonly ws: WorkspaceState;
  readonly derived: Derived;
  /** The Changes tab's diff (null while not computed: a large policy, until the tab shows). */
  readonly changes: Changes | null;
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
    return (i: number) => `statement ${i}${sids[i] ? ` (Sid ${sids[i]})` : ''}`;
  }, [derived]);
  const pending = derived.pending;
  const counts = changeCounts(props.changes);
  const suffix = (t: (typeof TABS)[number]) => (t === 'findings' ? ` (${pending ? SYMBOLS.ellipsis : derived.findings.length})` : t === 'changes' && counts ? ` ${counts}` : '');
  // Below 100 columns the Changes tab shows its counts without its name (and its name only when selected and nothing
  // is counted): the tab bar stays inside the first row and the title keeps some room.
  const label = (t: (typeof TABS)[number]) => (t === 'changes' && width < 100 && (counts !== '' || ws.tab !== 'changes') ? '' : ` ${TAB_LABELS[t]}`);
  const tabs = TABS.map((t, i) => `${i + 1}${label(t)}${suffix(t)}`);
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
      {pending && (ws.tab === 'matrix' || ws.tab === 'findings' || ws.tab === 'ask') ? <Pending what={ws.tab === 'findings' ? 'Linting' : ws.tab === 'ask' ? 'Listing the principals' : 'Building the matrix'} statements={pending.statements} /> : null}
      {ws.tab === 'matrix' && !pending ? <MatrixTab ws={ws} matrix={derived.matrix} statementName={statementName} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'findings' && !pending ? <FindingsTab findings={derived.findings} text={derived.text} selected={ws.finding} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'ask' && !pending ? <AskTab ws={ws} derived={derived} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'changes' ? <ChangesTab changes={props.changes} baseline={baselineName(ws)} selected={ws.change} width={width} height={bodyHeight} /> : null}
      {ws.tab === 'export' ? <ExportView ws={ws} derived={derived} width={width} height={bodyHeight} /> : null}
    </Box>
  );
}

/** What the Changes tab compares with, for people. */
function baselineName(ws: WorkspaceState): string {
  const b = ws.baseline;
  if (b.kind === 'template') return 'the template at its defaults';
  if (b === ws.source) return 'the policy as opened';
  return visibleLine(b.policy ? `${b.name}: ${b.policy.name}` : b.name);
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
  const lines = useMemo(() => exportLines(derived, ws.format), [derived, ws.format]);
  return <ExportTab format={ws.format} lines={lines} offset={ws.exportOffset} unreadable={derived.unreadable} width={width} height={height} />;
}
