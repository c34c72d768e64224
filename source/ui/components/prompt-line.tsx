import { Box, Text } from 'ink';
import type { Prompt } from '../state/types.js';
import { TextField } from './text-field.js';
import { paint } from './colors.js';

export interface PromptLineProps {
  readonly prompt: Prompt;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
}

/** The question that holds the keys until answered. */
export function PromptLine({ prompt, onChange, onSubmit, onCancel }: PromptLineProps) {
  switch (prompt.kind) {
    case 'write-path':
      return (
        <Box>
          <Text bold>Write to: </Text>
          <TextField value={prompt.draft} focus onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} />
        </Box>
      );
    case 'overwrite':
      return (
        <Text color={paint('yellow')} wrap="truncate-end">
          {prompt.path} already exists. Overwrite it? (y/n)
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
