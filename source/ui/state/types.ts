import type { Grant } from '../../core/grants/model.js';
import type { ParsedPolicy } from '../../core/policy/parse.js';
import type { NamedPolicy } from '../../core/evaluate/index.js';
import type { ParameterValues } from '../../core/templates/types.js';
import type { ExportFormat } from '../../core/export/index.js';
import type { Finding } from '../../core/lint/catalog.js';
import { EMPTY_ASK_VIEW, type AskState, type AskView } from './ask.js';
import type { PolicyKind } from '../../core/policy/model.js';
import type { NamedSourcePolicy } from '../../core/sources/types.js';
export { EXPORT_FORMATS, EXPORT_LABELS, EXPORT_EXTENSIONS, type ExportFormat } from '../../core/export/index.js';

/**
 * Where the workspace's policy comes from: a template with parameter values, or a
 * file as read. A file whose bytes are not UTF-8 text has empty text and the
 * decoding finding (where the bad byte is) instead.
 */
export type WorkspaceSource =
  | { readonly kind: 'template'; readonly templateId: string; readonly values: ParameterValues }
  | { readonly kind: 'file'; readonly name: string; readonly text: string; readonly decodeFinding?: Finding; readonly policy?: SourcePolicy; readonly grants?: readonly Grant[];
      /** IAM policies of the principal asked about (open --identity-policy), for the Ask tab. */
      readonly identityPolicies?: readonly NamedPolicy[];
      /** The text as already read (open reads it to learn its format): not read again. */
      readonly parsed?: ParsedPolicy;
      /** open --against OLD: the policy the Changes tab compares with. */
      readonly against?: WorkspaceSource };

/**
 * A policy read out of a source that is not a bare document (Terraform,
 * CloudFormation, AWS CLI output, plan JSON, SPEC 2.5): its tree points into the
 * source file, whose text is the workspace's `text`.
 */
export interface SourcePolicy {
  /** Its name in the source: `aws_kms_key.orders`, `Resources.OrdersKey`. */
  readonly name: string;
  readonly kind: PolicyKind;
  readonly source: NamedSourcePolicy;
}

/** `open` on a source with several policies: the list to pick one from (SPEC 6). */
export interface PickerState {
  /** The file, as named on the command line. */
  readonly file: string;
  readonly entries: readonly WorkspaceSource[];
  readonly selected: number;
}

export const TABS = ['policy', 'matrix', 'findings', 'export', 'ask', 'changes'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_LABELS: Record<Tab, string> = { policy: 'Policy', matrix: 'Matrix', findings: 'Findings', export: 'Export', ask: 'Ask', changes: 'Changes' };

export type PolicyPane = 'parameters' | 'statements';

/** A parameter field being edited in place. */
export interface Editing {
  readonly row: number;
  readonly draft: string;
  /** Where typing goes in the draft (see text-edit.ts). */
  readonly caret: number;
  /** Why the draft is not applied; null when it is valid (and applied). */
  readonly error: string | null;
  /** Values before editing began, restored by Esc. */
  readonly before: ParameterValues;
  /** Whether the workspace had unsaved edits before editing began (Esc restores that too). */
  readonly wasDirty: boolean;
}

export type MatrixMode = 'groups' | 'actions';

export interface WorkspaceState {
  readonly source: WorkspaceSource;
  readonly tab: Tab;
  readonly pane: PolicyPane;
  readonly paramRow: number;
  readonly statement: number;
  /** Rows the selected statement's detail (JSON and explanation) is scrolled down; 0 for each newly selected statement. */
  readonly detailOffset: number;
  readonly editing: Editing | null;
  /** `row`: the principal (or resource) of the cursor; `col`: its action or group, whichever way the grid runs (`transposed` swaps the axes, see matrix-layout.ts). */
  readonly matrix: { readonly row: number; readonly col: number; readonly mode: MatrixMode; readonly transposed: boolean };
  readonly finding: number;
  readonly format: ExportFormat;
  /** The Ask tab: one request tried against the policy. */
  readonly ask: AskState;
  /** First line of the Export preview in view. */
  readonly exportOffset: number;
  /**
   * What the Changes tab compares the policy with (SPEC 6): the template at its defaults, the
   * file as opened, or `open NEW --against OLD`'s OLD.
   */
  readonly baseline: WorkspaceSource;
  /** The selected line of the Changes tab. */
  readonly change: number;
  /** Edits neither written nor copied since. */
  readonly dirty: boolean;
}

export interface BrowserState {
  readonly filter: string;
  /** Where typing goes in the filter (see text-edit.ts). */
  readonly filterCaret: number;
  /** The filter field has focus (typing narrows the list). */
  readonly filtering: boolean;
  readonly selected: number;
}

/** The lists `/` searches in the workspace. */
export type SearchTarget = 'statements' | 'findings' | 'matrix';

/** A question at the bottom of the screen; it takes the keys until answered. */
export type Prompt =
  | { readonly kind: 'write-path'; readonly draft: string; readonly caret: number }
  /** `/` in a list: typing moves the cursor to the first item that holds the text, from where it was (`origin`, restored by Esc). */
  | { readonly kind: 'search'; readonly target: SearchTarget; readonly draft: string; readonly caret: number; readonly origin: number }
  | { readonly kind: 'overwrite'; readonly path: string }
  | { readonly kind: 'discard'; readonly then: 'quit' | 'browser' };

/** Work outside the reducer (clipboard, files, exit), run once by the app and answered with `effect-done`. */
export type Effect =
  | { readonly id: number; readonly kind: 'copy' }
  | { readonly id: number; readonly kind: 'check-write'; readonly path: string }
  | { readonly id: number; readonly kind: 'write'; readonly path: string }
  | { readonly id: number; readonly kind: 'quit' };

export interface StatusMessage {
  readonly tone: 'info' | 'error';
  readonly text: string;
}

export interface AppState {
  readonly screen: 'browser' | 'workspace' | 'picker';
  readonly browser: BrowserState;
  /** The policies of the opened source, when it holds several; Esc in their workspace comes back to it. */
  readonly picker: PickerState | null;
  readonly workspace: WorkspaceState | null;
  readonly help: boolean;
  readonly prompt: Prompt | null;
  readonly message: StatusMessage | null;
  readonly effect: Effect | null;
  readonly effectCount: number;
}

/** What the reducer needs to know of the screen's derived data (list lengths, targets), passed with each command. */
export interface View {
  /** Template ids of the browser list as filtered and ordered on screen. */
  readonly browserIds: readonly string[];
  /** Lines of the parameters form (scalars, and one per list entry). */
  readonly paramRows: number;
  readonly statements: number;
  /** How far the selected statement's detail scrolls at the current terminal size, and one page of it. */
  readonly detailMax: number;
  readonly detailPage: number;
  readonly matrixRows: number;
  readonly matrixCols: number;
  /** What Enter on a matrix cell asks: the principal (identity policies: the key) of each row, the action of each column. */
  readonly matrixAsk: { readonly kind: 'key' | 'identity'; readonly rows: readonly string[]; readonly cols: readonly string[] };
  readonly ask: AskView;
  /** Whether actions (or groups) run down the grid: then up/down move along the actions and left/right along the principals. */
  readonly matrixActionsDown: boolean;
  /** Lines of the grid in view (PgUp/PgDn move that far). */
  readonly matrixPage: number;
  /** Statement of each finding, in the order shown. */
  readonly findingStatements: readonly (number | null)[];
  /** The new version's statement behind each line of the Changes tab (null: none causes it), in the order shown. */
  readonly changeStatements: readonly (number | null)[];
  /** Lines of the Export preview and how many are in view. */
  readonly exportLines: number;
  readonly exportPage: number;
  /** Lines of the statement and findings lists in view (PgUp/PgDn in the findings list). */
  readonly listPage: number;
  /** The text of each item of a searchable list, in order (computed when asked). */
  readonly searchTexts: (target: SearchTarget) => readonly string[];
  /** Prefill of the write prompt for the current format. */
  readonly defaultWritePath: string;
  /** Why there is nothing to copy or write (the policy could not be read), or null. */
  readonly noOutput: string | null;
}

export const EMPTY_VIEW: View = { browserIds: [], paramRows: 0, statements: 0, detailMax: 0, detailPage: 1, matrixRows: 0, matrixCols: 0, matrixAsk: { kind: 'key', rows: [], cols: [] }, ask: EMPTY_ASK_VIEW, matrixActionsDown: false, matrixPage: 10, exportLines: 0, exportPage: 1, listPage: 1, searchTexts: () => [], findingStatements: [], changeStatements: [], defaultWritePath: '', noOutput: null };
