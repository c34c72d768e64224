import { Box, Text } from 'ink';
import { Line, Para } from './para.js';
import { BINDINGS, bindingOf, CONTEXT_COMMANDS, type KeyContext } from '../keys/bindings.js';
import { DISPLAY_MEANINGS, DISPLAY_SYMBOLS } from '../../core/matrix/index.js';
import { SYMBOLS } from './symbols.js';

/** How the help names the view it was opened from. */
const CONTEXT_NAMES: Readonly<Record<KeyContext, string>> = {
  browser: 'template browser',
  filter: 'filter',
  parameters: 'parameters form',
  statements: 'statement list',
  'file-statements': 'statement list',
  'picked-statements': 'statement list',
  picker: 'policy picker',
  matrix: 'matrix',
  findings: 'findings',
  export: 'export preview',
  ask: 'Ask tab',
  'ask-picker': 'Ask list',
  'ask-trace': 'Ask trace',
  changes: 'Changes tab',
  edit: 'field editor',
  'prompt-text': 'file name prompt',
  search: 'search',
  'prompt-yesno': 'question',
  help: 'help',
};

/** Every key binding with what it does (`?`): the keys of the view it was opened from first, then all the others. */
export function HelpOverlay({ height, width, context }: { readonly height: number; readonly width: number; readonly context: KeyContext }) {
  const here = [...new Set(CONTEXT_COMMANDS[context])].map(bindingOf);
  const rest = BINDINGS.filter((b) => !here.includes(b));
  const half = Math.ceil(rest.length / 2);
  const line = (b: (typeof BINDINGS)[number]) => (
    <Text key={b.command} wrap="truncate-end">
      <Text bold>{b.label.padEnd(7)}</Text> {b.description}
    </Text>
  );
  const column = (list: typeof rest) => (
    <Box flexDirection="column" width={Math.floor(width / 2)}>
      {list.map(line)}
    </Box>
  );
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {/* Every block keeps its rows (flexShrink 0): a frame taller than the terminal is cut at the bottom, never squeezed. */}
      <Line bold>
        Keys (Esc or ? closes this help) {SYMBOLS.dash} the {CONTEXT_NAMES[context]} first
      </Line>
      <Box flexShrink={0}>
        {column(here.slice(0, Math.ceil(here.length / 2)))}
        {column(here.slice(Math.ceil(here.length / 2)))}
      </Box>
      <Line bold>All other keys</Line>
      <Box flexShrink={0}>
        {column(rest.slice(0, half))}
        {column(rest.slice(half))}
      </Box>
      <Para dimColor>
        In a text field (filter, parameter, file name, search, Ask value): {SYMBOLS.left} {SYMBOLS.right} Home End move the caret, Backspace deletes, Enter keeps, Esc cancels.
      </Para>
      <Para dimColor>
        Matrix: the legend under the grid names every symbol. {DISPLAY_SYMBOLS.iam}: {DISPLAY_MEANINGS.iam}.
      </Para>
    </Box>
  );
}
