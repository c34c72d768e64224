import { visibleLine } from '../../core/text/visible.js';
import { Component, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { paint } from './colors.js';

interface Props {
  readonly children: ReactNode;
  /** Called once with the error (the program exits with code 2 and prints it after the screen is restored). */
  readonly onError: (error: Error) => void;
  /** The user asked to leave: the app unmounts and the terminal is restored. */
  readonly onExit: () => void;
}

/**
 * Catches render errors: instead of a broken screen, the error and the way out;
 * any key leaves through the normal exit path (alternate screen restored).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }

  override render() {
    if (this.state.error) return <CrashScreen error={this.state.error} onExit={this.props.onExit} />;
    return this.props.children;
  }
}

function CrashScreen({ error, onExit }: { readonly error: Error; readonly onExit: () => void }) {
  useInput(() => onExit());
  const message = visibleLine(error.message.split('\n')[0] ?? '');
  return (
    <Box flexDirection="column">
      <Text color={paint('red')} wrap="wrap">
        kms-policy-tui: internal error: {message}
      </Text>
      <Text wrap="wrap">Press any key to leave. The terminal is then restored and the error printed again; files already written are kept.</Text>
      <Text wrap="wrap" dimColor>
        Run with DEBUG=1 to see where it happened.
      </Text>
    </Box>
  );
}
