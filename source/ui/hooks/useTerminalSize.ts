import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The layout's named sizes: below `minimum` the app only says what it needs. */
export const BREAKPOINTS = {
  minimum: { columns: 80, rows: 24 },
  /** From here the policy tab shows more rows and the matrix wider columns. */
  roomy: { columns: 120, rows: 36 },
  /** From here labels and names are never shortened: every ARN of the templates shows whole. */
  wide: { columns: 200, rows: 50 },
} as const;

export type SizeClass = 'too-small' | 'compact' | 'roomy' | 'wide';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
  readonly sizeClass: SizeClass;
}

export function sizeClassOf(columns: number, rows: number): SizeClass {
  if (columns < BREAKPOINTS.minimum.columns || rows < BREAKPOINTS.minimum.rows) return 'too-small';
  if (columns >= BREAKPOINTS.wide.columns && rows >= BREAKPOINTS.wide.rows) return 'wide';
  if (columns >= BREAKPOINTS.roomy.columns && rows >= BREAKPOINTS.roomy.rows) return 'roomy';
  return 'compact';
}

// Streams without a size (tests, pipes) are treated as a minimum-width, comfortably tall terminal.
const DEFAULT_COLUMNS = 100;
const DEFAULT_ROWS = 30;

/** The terminal's size, updated on resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = () => {
    const columns = stdout.columns || DEFAULT_COLUMNS;
    const rows = stdout.rows || DEFAULT_ROWS;
    return { columns, rows, sizeClass: sizeClassOf(columns, rows) };
  };
  const [size, setSize] = useState<TerminalSize>(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
