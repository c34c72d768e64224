import { Box, Text } from 'ink';
import { visibleLine } from '../../core/text/visible.js';
import { paint } from '../components/colors.js';
import { Line } from '../components/para.js';
import { askAnswer, askFields, askModel } from '../state/ask-model.js';
import type { Derived } from '../state/derive.js';
import type { WorkspaceState } from '../state/types.js';
import { AnswerBox, AskForm, PickerList, TraceList } from './ask-parts.js';

export interface AskTabProps {
  readonly ws: WorkspaceState;
  readonly derived: Derived;
  readonly width: number;
  readonly height: number;
}

/**
 * Try one request against the policy: the answer at the top, the request's fields
 * (principal, action, IAM policy, the condition keys the policy uses), then the trace,
 * statement by statement, or the list being picked from. The answer comes from the
 * same `authorize` as `simulate`, for the state as it is after every key.
 */
export function AskTab({ ws, derived, width, height }: AskTabProps) {
  if (!derived.document || derived.unreadable) return <Text>Nothing to ask: the policy could not be read (see Findings).</Text>;
  const ask = ws.ask;
  const m = askModel(derived);
  const result = askAnswer(m, ask);
  const fields = askFields(m);
  const error = ask.editing?.error ?? null;
  // The form takes what it needs up to half of the rest; the trace (or the open list) the remainder.
  const rest = height - 3 - 1;
  const formHeight = Math.max(3, Math.min(fields.length, Math.floor(rest / 2)));
  const lowerHeight = Math.max(4, rest - formHeight);
  return (
    <Box flexDirection="column" height={height}>
      <AnswerBox result={result} />
      <AskForm m={m} ask={ask} fields={fields} focused={ask.pane === 'form' && !ask.picker} width={width} height={formHeight} />
      <Box height={1} flexShrink={0}>
        {error ? (
          <Line color={paint('red')}>{visibleLine(error)}</Line>
        ) : (
          <Line dimColor>{m.kind === 'identity' ? 'This IAM policy is the principal\'s; the key policy is not known here.' : ' '}</Line>
        )}
      </Box>
      {ask.picker ? (
        <PickerList m={m} picker={ask.picker} width={width} height={lowerHeight} />
      ) : (
        <TraceList m={m} result={result} selected={ask.trace} focused={ask.pane === 'trace'} width={width} height={lowerHeight} />
      )}
    </Box>
  );
}
