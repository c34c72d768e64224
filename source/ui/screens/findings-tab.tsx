import { visibleLine } from '../../core/text/visible.js';
import { Box, Text } from 'ink';
import { Line, Para } from '../components/para.js';
import type { Finding, Severity } from '../../core/lint/catalog.js';
import { FINDING_RULES } from '../../core/lint/catalog.js';
import { fit, windowStart } from '../components/window.js';
import { FINDING_DETAIL_ROWS, findingsListRows } from './tab-areas.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'ERROR', security: 'SECURITY', warning: 'WARNING', suggestion: 'SUGGEST' };
const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: 'red', security: 'magenta', warning: 'yellow', suggestion: 'cyan' };

export interface FindingsTabProps {
  readonly findings: readonly Finding[];
  /** The policy text, to quote the line a finding points at. */
  readonly text: string;
  readonly selected: number;
  readonly width: number;
  readonly height: number;
}

/** "line 4, column 66", or "" for a finding about the whole document. */
export function locationOf(f: Finding): string {
  if (f.line === null) return '';
  return f.column === null ? `line ${f.line}` : `line ${f.line}, column ${f.column}`;
}

/** The source line a finding points at and a caret under its column (long lines cut around the column). */
export function sourceExcerpt(text: string, f: Finding, width: number): [string, string] | null {
  if (f.line === null) return null;
  const line = text.split('\n')[f.line - 1];
  if (line === undefined) return null;
  const gutter = `${f.line} | `;
  const room = Math.max(10, width - gutter.length - 1);
  const column = Math.max(1, f.column ?? 1);
  const start = column > room ? column - Math.floor(room / 2) : 0;
  const shown = line.replace(/\t/g, ' ').slice(start, start + room);
  // The quoted line is the policy's text: shown escaped (the caret may then sit a few columns early).
  return [`${gutter}${visibleLine(shown)}`, `${' '.repeat(gutter.length + column - 1 - start)}^`];
}

/** Findings by severity; the selected one's message, fix and source line below. Enter jumps to its statement. */
export function FindingsTab({ findings, text, selected, width, height }: FindingsTabProps) {
  if (findings.length === 0) return <Text color={paint('green')}>No findings: lint finds nothing to report in this policy.</Text>;
  const detailHeight = FINDING_DETAIL_ROWS;
  const listHeight = findingsListRows(height);
  const at = Math.min(selected, findings.length - 1);
  const start = windowStart(at, findings.length, listHeight);
  const current = findings[at];
  const excerpt = current ? sourceExcerpt(text, current, width) : null;
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>Findings ({findings.length}) {SYMBOLS.dash} Enter jumps to the statement</Line>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {findings.slice(start, start + listHeight).map((f, k) => {
          const i = start + k;
          const where = [f.statement === null ? 'document' : `statement ${f.statement}`, locationOf(f)].filter(Boolean).join(', ');
          return (
            <Text key={`${i}-${f.id}`} inverse={i === at} wrap="truncate-end">
              {i === at ? `${SYMBOLS.pointer} ` : '  '}
              <Text color={paint(SEVERITY_COLORS[f.severity])}>{SEVERITY_LABELS[f.severity].padEnd(9)}</Text>
              {fit(`${f.id}  ${where}`, width - 12)}
            </Text>
          );
        })}
      </Box>
      {current ? (
        <Box flexDirection="column" height={detailHeight} overflow="hidden">
          <Line bold>
            {FINDING_RULES[current.id].title}
            {current.line !== null ? ` (${locationOf(current)})` : ''}
          </Line>
          {excerpt ? <Line dimColor>{excerpt[0]}</Line> : null}
          {excerpt ? <Line color={paint('red')}>{excerpt[1]}</Line> : null}
          <Para>{current.message}</Para>
          <Para>
            <Text bold>Fix: </Text>
            {current.fix}
          </Para>
        </Box>
      ) : null}
    </Box>
  );
}
