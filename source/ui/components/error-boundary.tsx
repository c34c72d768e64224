import { Component, type ReactNode } from 'react';
import { Text } from 'ink';

interface Props {
  readonly children: ReactNode;
  /** Called once with the error, so the app can exit and the terminal be restored. */
  readonly onError: (error: Error) => void;
}

/** Catches render errors: the app exits through its normal path (alternate screen restored) instead of leaving a broken screen. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }

  override render() {
    if (this.state.error) return <Text color="red">kms-policy-tui: internal error: {this.state.error.message}</Text>;
    return this.props.children;
  }
}
