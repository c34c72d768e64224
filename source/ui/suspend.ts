/**
 * Ctrl+Z and `kill -TSTP`: the terminal is given back as it was (line mode,
 * cursor shown, main screen) before the process actually stops, so the shell
 * the user returns to works; on SIGCONT (`fg`) the UI takes the terminal again
 * and draws its whole frame. In raw mode the terminal sends Ctrl+Z as a key,
 * not a signal: the app turns that key into SIGTSTP (see app.tsx).
 */
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

export interface SuspendTerminal {
  readonly stdin: { readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  readonly stdout: { write(text: string): unknown };
  /** Draws the whole frame again (the screen is blank after coming back). */
  readonly redraw: () => void;
}

/** Installs the SIGTSTP / SIGCONT handlers; returns the function that removes them. */
export function handleSuspend({ stdin, stdout, redraw }: SuspendTerminal): () => void {
  let stopped = false;
  const rawMode = (on: boolean) => {
    try {
      if (stdin.isTTY) stdin.setRawMode?.(on);
    } catch {
      // The terminal is gone: nothing to restore.
    }
  };
  const onStop = () => {
    stopped = true;
    rawMode(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    // With a handler installed SIGTSTP no longer stops the process: SIGSTOP does, and cannot be caught.
    process.kill(process.pid, 'SIGSTOP');
  };
  const onContinue = () => {
    if (!stopped) return;
    stopped = false;
    rawMode(true);
    stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
    redraw();
  };
  process.on('SIGTSTP', onStop);
  process.on('SIGCONT', onContinue);
  return () => {
    process.off('SIGTSTP', onStop);
    process.off('SIGCONT', onContinue);
  };
}
