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
  return <TextInput value={value} focus={focus} onChange={onChange} onSubmit={onSubmit} placeholder={placeholder ?? ''} />;
}
