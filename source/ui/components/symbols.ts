/**
 * The few non-ASCII symbols the UI draws, with ASCII fallbacks for terminals
 * that cannot show Unicode: the Linux console (TERM=linux) and a locale that is
 * not UTF-8 (LANG=C, LC_ALL=POSIX, en_US.ISO-8859-1, ...). Node writes UTF-8
 * whatever the locale, so there `›` would arrive as `â€º`.
 */
export interface Symbols {
  readonly unicode: boolean;
  /** Marks the selected line of a list. */
  readonly pointer: string;
  /** Marks the focused pane's heading. */
  readonly focus: string;
  /** Marks an invalid value (and a statement that does not apply). */
  readonly cross: string;
  /** Marks a statement that applies. */
  readonly check: string;
  /** Ends text cut to fit. */
  readonly ellipsis: string;
  /** Separates items on one line. */
  readonly dot: string;
  /** "row × column". */
  readonly times: string;
  readonly bullet: string;
  readonly dash: string;
  readonly openQuote: string;
  readonly closeQuote: string;
  readonly up: string;
  readonly down: string;
  readonly left: string;
  readonly right: string;
  /** Footer: the up and down keys together. */
  readonly upDown: string;
  /** Footer: the left and right keys together. */
  readonly leftRight: string;
}

const UNICODE: Symbols = {
  unicode: true,
  pointer: '›',
  focus: '◂',
  cross: '✗',
  check: '✓',
  ellipsis: '…',
  dot: '·',
  times: '×',
  bullet: '•',
  dash: '—',
  openQuote: '“',
  closeQuote: '”',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  upDown: '↑↓',
  leftRight: '←→',
};

const ASCII: Symbols = {
  unicode: false,
  pointer: '>',
  focus: '<',
  cross: '!',
  check: '+',
  ellipsis: '...',
  dot: '|',
  times: 'x',
  bullet: '*',
  dash: '-',
  openQuote: '"',
  closeQuote: '"',
  up: 'Up',
  down: 'Dn',
  left: 'Lt',
  right: 'Rt',
  upDown: 'Up/Dn',
  leftRight: 'Lt/Rt',
};

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the terminal can show Unicode, judged from the environment as is-unicode-supported and ncurses do. */
export function unicodeSupported(env: Env, platform: string = process.platform): boolean {
  if (platform === 'win32') return Boolean(env.WT_SESSION || env.TERM_PROGRAM === 'vscode' || env.ConEmuTask || env.TERMINUS_SUBLIME);
  if (env.TERM === 'linux') return false;
  // POSIX order: LC_ALL overrides LC_CTYPE, which overrides LANG. No locale at all: assume a modern UTF-8 terminal.
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}

export function symbolsFor(env: Env, platform: string = process.platform): Symbols {
  return unicodeSupported(env, platform) ? UNICODE : ASCII;
}

/** The symbols of this terminal (read once: the environment does not change while the UI runs). */
export const SYMBOLS: Symbols = symbolsFor(process.env);

// Characters that reach the screen inside text from the core (explanations) and their ASCII forms.
const TEXT_FALLBACKS: Readonly<Record<string, string>> = {
  '≠': '!=',
  '…': '...',
  '—': '-',
  '–': '-',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '→': '->',
  '←': '<-',
  '×': 'x',
  '·': '|',
  '•': '*',
};
const TEXT_SYMBOLS = new RegExp(`[${Object.keys(TEXT_FALLBACKS).join('')}]`, 'g');

/** Text for the screen: unchanged in a Unicode terminal; elsewhere the known symbols in ASCII. */
export function plain(text: string, symbols: Symbols = SYMBOLS): string {
  return symbols.unicode ? text : text.replace(TEXT_SYMBOLS, (c) => TEXT_FALLBACKS[c] ?? c);
}
