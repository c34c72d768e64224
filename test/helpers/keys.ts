/** Named keys as a terminal sends them (in-process UI tests and real-terminal tests). */
export const KEY = {
  enter: '\r',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  delete: '\u001b[3~',
  home: '\u001b[H',
  end: '\u001b[F',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  ctrlC: '\u0003',
} as const;
