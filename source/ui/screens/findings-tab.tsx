import { Box, Text } from 'ink';
import { Para } from '../components/para.js';
import type { Finding, Severity } from '../../core/lint/catalog.js';
import { FINDING_RULES } from '../../core/lint/catalog.js';
import { fit, windowStart } from '../components/window.js';

const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'ERROR', security: 'SECURITY', warning: 'WARNING', suggestion: 'SUGGEST' };
const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: 'red', security: 'magenta', warning: 'yellow', suggestion: 'cyan' };

export interface FindingsTabProps {
  readonly findings: readonly Finding[];
  readonly selected: number;
  readonly width: number;
  readonly height: number;
}

/** Findings by severity; the selected one's message and fix below. Enter jumps to its statement. */
export function FindingsTab({ findings, selected, width, height }: FindingsTabProps) {
  if (findings.length === 0) return <Text color="green">No findings: lint finds nothing to report in this policy.</Text>;
  const detailHeight = 6;
  const listHeight = Math.max(1, height - detailHeight - 1);
  const start = windowStart(selected, findings.length, listHeight);
  const current = findings[selected];
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>
        Findings ({findings.length}) — Enter jumps to the statement
      </Text>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {findings.slice(start, start + listHeight).map((f, k) => {
          const i = start + k;
          const where = f.statement === null ? 'document' : `statement ${f.statement + 1}`;
          return (
            <Text key={`${i}-${f.id}`} inverse={i === selected} wrap="truncate-end">
              {i === selected ? '› ' : '  '}
              <Text color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity].padEnd(9)}</Text>
              {fit(`${f.id}  ${where}${f.line !== null ? ` (line ${f.line})` : ''}`, width - 12)}
            </Text>
          );
        })}
      </Box>
      {current ? (
        <Box flexDirection="column" height={detailHeight} overflow="hidden">
          <Text bold wrap="truncate-end">
            {FINDING_RULES[current.id].title}
          </Text>
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
