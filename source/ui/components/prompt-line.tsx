import { visibleLine } from '../../core/text/visible.js';
import { Box, Text } from 'ink';
import type { Prompt } from '../state/types.js';
import { TextField } from './text-field.js';
import { paint } from './colors.js';

export interface PromptLineProps {
  readonly prompt: Prompt;
  readonly width: number;
}

const WRITE_TO = 'Write to: ';

/** The question that holds the keys until answered. */
export function PromptLine({ prompt, width }: PromptLineProps) {
  switch (prompt.kind) {
    case 'write-path':
      return (
        <Box>
          <Text bold>{WRITE_TO}</Text>
          <TextField value={{ text: prompt.draft, caret: prompt.caret }} width={width - WRITE_TO.length} />
        </Box>
      );
    case 'search': {
      const label = `Find in ${prompt.target === 'matrix' ? 'matrix rows' : prompt.target}: `;
      return (
        <Box>
          <Text bold>{label}</Text>
          <TextField value={{ text: prompt.draft, caret: prompt.caret }} width={width - label.length} placeholder="text; Enter keeps, Esc goes back" />
        </Box>
      );
    }
    case 'overwrite':
      return (
        <Text color={paint('yellow')} wrap="truncate-end">
          {visibleLine(prompt.path)} already exists. Overwrite it? (y/n)
        </Text>
      );
    case 'discard':
      return (
        <Text color={paint('yellow')} wrap="truncate-end">
          {prompt.then === 'quit' ? 'Edits were neither written nor copied. Quit anyway? (y/n)' : 'Edits were neither written nor copied. Leave this template and lose them? (y/n)'}
        </Text>
      );
  }
}
