import { Text, useInput } from 'ink';
import TextInput from 'ink-text-input';

export interface TextFieldProps {
  readonly value: string;
  readonly focus: boolean;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly placeholder?: string;
}

/**
 * A field value holds no control characters: a paste (or Enter arriving in the same
 * read as the next key) would otherwise put a carriage return into it and break the line.
 */
// eslint-disable-next-line no-control-regex
const withoutControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

/**
 * A one-line text input that owns the keys while focused: ink-text-input takes
 * typing and Enter; Esc (which it ignores) cancels here. Inactive otherwise.
 */
export function TextField({ value, focus, onChange, onSubmit, onCancel, placeholder }: TextFieldProps) {
  useInput(
    (_input, key) => {
      if (key.escape) onCancel();
    },
    { isActive: focus },
  );
  if (!focus) return <Text>{value}</Text>;
  return <TextInput value={value} focus={focus} onChange={(next) => onChange(withoutControls(next))} onSubmit={onSubmit} placeholder={placeholder ?? ''} />;
}
