import { Box, Text } from 'ink';
import type { TracedAuthorizationResult } from '../../core/evaluate/index.js';
import { visibleLine } from '../../core/text/visible.js';
import { paint } from '../components/colors.js';
import { Line, Para } from '../components/para.js';
import { SYMBOLS } from '../components/symbols.js';
import { TextField } from '../components/text-field.js';
import { fit, windowStart } from '../components/window.js';
import { pickerOptions, type AskModel } from '../state/ask-model.js';
import type { AskField, AskPicker, AskState } from '../state/ask.js';
import { answerWords, expectsText, fieldText, traceDetail, traceLine, typeTag } from './ask-view.js';

/** The answer at the top: the decision, how, and the rule that decided. */
export function AnswerBox({ result }: { readonly result: TracedAuthorizationResult }) {
  const a = answerWords(result);
  return (
    <Box flexDirection="column" height={3} overflow="hidden">
      <Line>
        <Text bold>Answer: </Text>
        <Text bold color={paint(a.tone)}>
          {a.head}
        </Text>
      </Line>
      <Para dimColor>Decided by: {a.rule}</Para>
    </Box>
  );
}

const LABEL_WIDTH = 12;

/** One form row: label, value (the field while it is typed in), and for a context key its type and the policy's values. */
function FormRow({ m, ask, field, selected, width, labelWidth }: { m: AskModel; ask: AskState; field: AskField; selected: boolean; width: number; labelWidth: number }) {
  const f = fieldText(m, ask, field);
  const editing = ask.editing;
  const typing = selected && editing !== null && (field.kind === 'principal' ? editing.target.kind === 'principal' : field.kind === 'context' && editing.target.kind === 'context' && editing.target.key === field.key);
  const tag = f.key ? `[${typeTag(f.key)}] ` : '';
  const room = Math.max(8, width - 2 - labelWidth - 1 - tag.length);
  return (
    <Text wrap="truncate-end">
      <Text inverse={selected && !typing}>
        {selected ? `${SYMBOLS.pointer} ` : '  '}
        {fit(f.label, labelWidth).padEnd(labelWidth)}
      </Text>{' '}
      <Text dimColor>{tag}</Text>
      {typing && editing ? (
        <TextField value={{ text: editing.draft, caret: editing.caret }} width={Math.min(room, 48)} placeholder="absent" />
      ) : (
        <Text dimColor={f.dim}>{fit(f.value, room)}</Text>
      )}
      {f.key ? <Text dimColor> {expectsText(f.key)}</Text> : null}
    </Text>
  );
}

/** The request's fields, windowed around the selected row. */
export function AskForm({ m, ask, fields, focused, width, height }: { m: AskModel; ask: AskState; fields: readonly AskField[]; focused: boolean; width: number; height: number }) {
  const start = windowStart(ask.row, fields.length, height);
  // One label column for every row: as wide as the longest condition key, up to a third of the width.
  const labelWidth = Math.min(Math.max(LABEL_WIDTH, Math.floor(width / 3)), Math.max(LABEL_WIDTH, ...m.context.map((c) => visibleLine(c.key).length)));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {fields.slice(start, start + height).map((field, k) => (
        <FormRow key={field.kind === 'context' ? `c:${field.key}` : field.kind} m={m} ask={ask} field={field} selected={focused && start + k === ask.row} width={width} labelWidth={labelWidth} />
      ))}
    </Box>
  );
}

/** Every statement evaluated, one line each (the selected one in full below); Enter goes to the statement. */
export function TraceList({ m, result, selected, focused, width, height }: { m: AskModel; result: TracedAuthorizationResult; selected: number; focused: boolean; width: number; height: number }) {
  const listHeight = Math.max(1, height - 4);
  const start = windowStart(selected, result.trace.length, listHeight);
  const current = result.trace[selected];
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>
        Trace {focused ? SYMBOLS.focus : ''} <Text dimColor>{focused ? 'Enter goes to the statement' : 'Tab to move in it'}</Text>
      </Line>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {result.trace.length === 0 ? <Text dimColor>No statement was evaluated.</Text> : null}
        {result.trace.slice(start, start + listHeight).map((t, k) => {
          const line = traceLine(m, t);
          const here = focused && start + k === selected;
          return (
            <Text key={`${t.policy}:${t.statement}`} wrap="truncate-end" inverse={here}>
              {here ? `${SYMBOLS.pointer} ` : '  '}
              <Text color={paint(line.applies ? 'green' : 'gray')}>{line.mark}</Text> {fit(line.text, width - 4)}
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" height={3} overflow="hidden">
        {current ? <Para>{traceDetail(m, current)}</Para> : null}
        {result.notes.map((n) => (
          <Para key={n} dimColor>
            Note: {visibleLine(n)}
          </Para>
        ))}
      </Box>
    </Box>
  );
}

const PICK_TITLES = { principal: 'Pick a principal', resource: 'Pick a key', action: 'Pick an action' } as const;

/** The open list of principals, keys or actions (actions under their group headings), with its filter. */
export function PickerList({ m, picker, width, height }: { m: AskModel; picker: AskPicker; width: number; height: number }) {
  const items = pickerOptions(m, picker.field, picker.filter);
  // Group headings are rows of their own, not items: the selection moves over items only.
  const rows: { heading?: string; item?: number }[] = [];
  items.forEach((o, i) => {
    if (o.group && o.group !== items[i - 1]?.group) rows.push({ heading: o.group });
    rows.push({ item: i });
  });
  const listHeight = Math.max(1, height - 1);
  const at = rows.findIndex((r) => r.item === picker.selected);
  const start = windowStart(Math.max(0, at), rows.length, listHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>{PICK_TITLES[picker.field]}</Text>
        {'  '}
        {picker.filtering ? (
          <>
            Filter: <TextField value={{ text: picker.filter, caret: picker.caret }} width={Math.max(8, width - 40)} />
          </>
        ) : (
          <Text dimColor>{picker.filter ? `Filter: ${visibleLine(picker.filter)} ${SYMBOLS.dot} ` : ''}/ filters, Enter picks, Esc closes</Text>
        )}
      </Text>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {items.length === 0 ? <Text dimColor>Nothing matches the filter.</Text> : null}
        {rows.slice(start, start + listHeight).map((r) =>
          r.heading !== undefined ? (
            <Text key={`h:${r.heading}`} bold dimColor wrap="truncate-end">
              {r.heading}
            </Text>
          ) : (
            <Text key={`i:${r.item}`} inverse={r.item === picker.selected} wrap="truncate-end">
              {r.item === picker.selected ? `${SYMBOLS.pointer} ` : '  '}
              {fit(items[r.item!]!.label, width - 3)}
            </Text>
          ),
        )}
      </Box>
    </Box>
  );
}
