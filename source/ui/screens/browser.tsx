import { Box, Text } from 'ink';
import { Line as OneLine, Para } from '../components/para.js';
import type { Template } from '../../core/templates/types.js';
import { TextField } from '../components/text-field.js';
import { fit, windowStart } from '../components/window.js';
import { KIND_HEADINGS } from '../state/browse-list.js';
import type { BrowserState } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';
import { paint } from '../components/colors.js';

export interface BrowserProps {
  readonly state: BrowserState;
  readonly list: readonly Template[];
  readonly total: number;
  readonly width: number;
  readonly height: number;
}

const FILTER_LABEL = 'Filter: ';

type Line = { readonly heading: string } | { readonly category: string; readonly kind: string } | { readonly template: Template; readonly index: number };

/** The template library grouped by kind, with a filter and a preview of the selected template. */
export function Browser({ state, list, total, width, height }: BrowserProps) {
  const lines: Line[] = [];
  let kind: string | null = null;
  let category: string | null = null;
  list.forEach((template, index) => {
    if (template.kind !== kind) {
      kind = template.kind;
      category = null;
      lines.push({ heading: KIND_HEADINGS[template.kind] });
    }
    if (template.category !== category) {
      category = template.category;
      lines.push({ category, kind });
    }
    lines.push({ template, index });
  });
  const listWidth = Math.floor(width * 0.45);
  const listHeight = height - 1;
  const selectedLine = lines.findIndex((l) => 'template' in l && l.index === state.selected);
  const start = windowStart(selectedLine, lines.length, listHeight);
  const selected = list[state.selected];
  const count = `  ${list.length} of ${total} templates`;
  return (
    <Box flexDirection="column" height={height}>
      <Box>
        <Text bold>{FILTER_LABEL}</Text>
        {state.filtering ? (
          <TextField value={{ text: state.filter, caret: state.filterCaret }} width={width - FILTER_LABEL.length - count.length} placeholder="words of title, id, category or action" />
        ) : (
          <Text dimColor={!state.filter}>{state.filter || 'press / to filter'}</Text>
        )}
        <Text dimColor>{count}</Text>
      </Box>
      <Box height={listHeight}>
        <Box flexDirection="column" width={listWidth} overflow="hidden">
          {lines.length === 0 ? <Text>No template matches {SYMBOLS.openQuote}{state.filter}{SYMBOLS.closeQuote}. Esc clears the filter.</Text> : null}
          {lines.slice(start, start + listHeight).map((l) =>
            'heading' in l ? (
              <Text key={`h-${l.heading}`} bold underline>
                {l.heading}
              </Text>
            ) : 'category' in l ? (
              <Text key={`c-${l.kind}-${l.category}`} dimColor wrap="truncate-end">
                {' '}
                {l.category}
              </Text>
            ) : (
              <Text key={l.template.id} inverse={l.index === state.selected} wrap="truncate-end">
                {l.index === state.selected ? ` ${SYMBOLS.pointer} ` : '   '}
                {fit(l.template.title, listWidth - 3)}
              </Text>
            ),
          )}
        </Box>
        <Box flexDirection="column" width={width - listWidth - 1} marginLeft={1} overflow="hidden">
          {selected ? <Preview template={selected} /> : null}
        </Box>
      </Box>
    </Box>
  );
}

/** Description, parameters and documentation source of the selected template. Every line keeps its row: the box cuts at the bottom. */
function Preview({ template }: { readonly template: Template }) {
  return (
    <>
      <Para bold>{template.title}</Para>
      <OneLine dimColor>
        {template.id} {SYMBOLS.dot} {template.kind === 'key' ? 'key policy' : 'IAM identity policy'} {SYMBOLS.dot} {template.category}
      </OneLine>
      <Para>{template.description}</Para>
      <OneLine bold>Parameters</OneLine>
      {template.parameters.length === 0 ? <OneLine dimColor>none</OneLine> : null}
      {template.parameters.map((p) => (
        <OneLine key={p.name}>
          {p.label}: <Text color={paint('green')}>{typeof p.default === 'string' ? p.default : p.default.join(', ')}</Text>
        </OneLine>
      ))}
      <OneLine bold>Source</OneLine>
      <Para>{template.source.title}</Para>
      <Para color={paint('blue')}>{template.source.url}</Para>
      <OneLine dimColor>Enter opens this template</OneLine>
    </>
  );
}
