import { ACTION_GROUPS, kmsActionsByGroup } from '../../core/catalog/kms.js';
import { clampAsk, EMPTY_ASK_VIEW } from './ask.js';
import { askView } from './ask-model.js';
import type { Template } from '../../core/templates/types.js';
import { browseList } from './browse-list.js';
import { defaultWritePath, derive, exportLineCount, slowParts, withSlowParts, type Derived, type SlowParts } from './derive.js';
import type { PolicyKind } from '../../core/policy/model.js';
import type { Grant } from '../../core/grants/model.js';
import { visibleLine } from '../../core/text/visible.js';
import { matrixColumns } from '../screens/matrix-view.js';
import { changesListRows, exportPreviewRows, findingsListRows } from '../screens/tab-areas.js';
import { paramRows, type ParamRow } from './params.js';
import { detailScroll, leftRows, policyLayout } from '../screens/policy-layout.js';
import { LEGEND_SEPARATOR, matrixAreas, orientationOf, packLines, tabBodyHeight } from '../screens/matrix-layout.js';
import { legendItems } from '../screens/matrix-view.js';
import { BREAKPOINTS } from '../hooks/useTerminalSize.js';
import type { AppState, SearchTarget, View, WorkspaceSource, WorkspaceState } from './types.js';
import { changesFromDiff, changesOf, isLarge, type Changes } from './changes-model.js';
import { diffPolicies, type PolicyDiff } from '../../core/diff/index.js';

/** A terminal's size in columns and rows. */
export interface ScreenSize {
  readonly columns: number;
  readonly rows: number;
}
import type { TemplateLibrary } from './workspace.js';

/** What the reducer needs to know of the screen (list lengths, targets), computed from the state and its derived data. */
export function viewOf(state: AppState, list: readonly Template[], derived: Derived | null, paramRows: number, size: ScreenSize = BREAKPOINTS.minimum, changes: Changes | null = null): View {
  const ws = state.workspace;
  const statements = derived?.statements ?? [];
  // The selected statement as the cursor sync will leave it (the view may be asked before the sync).
  const statement = statements[clamp(ws?.statement ?? 0, statements.length)];
  const left = leftRows(paramRows, derived?.grants.length ?? 0);
  const detail = detailScroll(statement, size, left, statements.length);
  const body = tabBodyHeight(size.rows);
  const matrix = derived?.matrix ?? null;
  const actionsDown = ws ? orientationOf(ws.matrix.mode, ws.matrix.transposed) === 'actions-rows' : false;
  const searchTexts = (target: SearchTarget): readonly string[] => {
    if (target === 'statements') return statements.map((s) => s.label);
    if (target === 'findings') return (derived?.findings ?? []).map((f) => `${f.id} ${f.message}`);
    if (!matrix || !ws) return [];
    return actionsDown ? matrixColumns(matrix, ws.matrix.mode).map((c) => c.name) : matrix.rows.map((r) => `${r.label} ${visibleLine(r.subject)}`);
  };
  return {
    browserIds: list.map((t) => t.id),
    paramRows,
    statements: statements.length,
    detailMax: detail.max,
    detailPage: detail.page,
    matrixRows: derived?.matrix?.rows.length ?? 0,
    matrixCols: ws?.matrix.mode === 'actions' ? (derived?.matrix?.actions.length ?? 0) : ACTION_GROUPS.length,
    matrixAsk: matrixAsk(derived, ws?.matrix.mode ?? 'groups'),
    ask: ws && derived && ws.tab === 'ask' ? askView(derived, ws.ask) : EMPTY_ASK_VIEW,
    matrixActionsDown: actionsDown,
    matrixPage: matrixAreas(body, packLines(legendItems(derived?.kind ?? 'key', ws?.matrix.mode ?? 'groups'), LEGEND_SEPARATOR, size.columns).length).gridRows,
    findingStatements: derived?.findings.map((f) => f.statement) ?? [],
    changeStatements: changes?.status === 'ready' ? changes.statements : [],
    exportLines: derived && ws ? exportLineCount(derived, ws.format) : 0,
    exportPage: exportPreviewRows(body),
    listPage: Math.max(1, ws?.tab === 'findings' ? findingsListRows(body) : ws?.tab === 'changes' ? changesListRows(body) : policyLayout(size.columns, body, left, statements.length).topHeight - 1),
    searchTexts,
    defaultWritePath: derived && ws ? defaultWritePath(derived, ws.format) : '',
    noOutput: derived?.unreadable ? `Nothing to copy or write: ${derived.unreadable}` : null,
  };
}

const clamp = (n: number, length: number) => Math.max(0, Math.min(n, length - 1));

/** Enter on a matrix cell asks about the row's principal (evaluatedAs) and the column's action (a group: its first action that a key policy can grant). */
function matrixAsk(derived: Derived | null, mode: 'groups' | 'actions'): View['matrixAsk'] {
  const matrix = derived?.matrix;
  if (!matrix) return { kind: 'key', rows: [], cols: [] };
  const byGroup = kmsActionsByGroup();
  const cols =
    mode === 'actions'
      ? // The columns in the order the grid draws them (grouped), as the cursor counts them.
        matrixColumns(matrix, 'actions').map((c) => c.name)
      : ACTION_GROUPS.map((g) => {
          const actions = byGroup.get(g) ?? [];
          return (matrix.kind === 'key' ? actions.find((a) => a.onKey) : undefined)?.id ?? actions[0]?.id ?? 'kms:Decrypt';
        });
  return { kind: matrix.kind, rows: matrix.rows.map((r) => r.evaluatedAs), cols };
}

/**
 * Keeps every cursor inside its list after the lists changed (an edit removed a
 * principal, a fix removed findings). Returns the same state when nothing moves,
 * so the app does not render again.
 */
export function clampToView(state: AppState, view: View): AppState {
  const b = state.browser;
  const selected = clamp(b.selected, view.browserIds.length);
  const ws = state.workspace;
  let workspace = ws;
  if (ws) {
    const paramRow = clamp(ws.paramRow, view.paramRows);
    const statement = clamp(ws.statement, view.statements);
    const row = clamp(ws.matrix.row, view.matrixRows);
    const col = clamp(ws.matrix.col, view.matrixCols);
    const finding = clamp(ws.finding, view.findingStatements.length);
    // Only while the Changes tab shows: elsewhere a large policy's diff is not computed, and its cursor stays where it was.
    const change = ws.tab === 'changes' ? clamp(ws.change, view.changeStatements.length) : ws.change;
    const exportOffset = Math.max(0, Math.min(ws.exportOffset, view.exportLines - view.exportPage));
    // Another statement starts at its top; the same one keeps its scroll as far as it still reaches (an edit or a resize shortened it).
    const detailOffset = statement !== ws.statement ? 0 : Math.max(0, Math.min(ws.detailOffset, view.detailMax));
    // The Ask tab's lists are in the view only while it shows.
    const ask = ws.tab === 'ask' ? clampAsk(ws.ask, view.ask) : ws.ask;
    if (paramRow !== ws.paramRow || statement !== ws.statement || detailOffset !== ws.detailOffset || row !== ws.matrix.row || col !== ws.matrix.col || finding !== ws.finding || change !== ws.change || exportOffset !== ws.exportOffset || ask !== ws.ask) {
      workspace = { ...ws, paramRow, statement, detailOffset, matrix: { ...ws.matrix, row, col }, finding, change, exportOffset, ask };
    }
  }
  if (selected === b.selected && workspace === ws) return state;
  return { ...state, browser: selected === b.selected ? b : { ...b, selected }, workspace };
}

/**
 * The screen's data for any state, each piece computed once and shared: the app
 * renders from it, and the reducer asks it for the view of the state a key meets
 * (keys that arrive together see the lists as the keys before them left them).
 */
export interface ViewSource {
  /** The browser's list for a filter. */
  readonly list: (filter: string) => readonly Template[];
  readonly template: (ws: WorkspaceState | null) => Template | undefined;
  /** Policy, statements, matrix and findings, once per policy source (not per cursor move). */
  readonly derived: (ws: WorkspaceState | null) => Derived | null;
  readonly rows: (ws: WorkspaceState | null) => readonly ParamRow[];
  /**
   * The Changes tab's diff of the baseline against the policy, once per pair of derived
   * policies. null for a large policy until the Changes tab is shown (its diff takes time).
   */
  readonly changes: (ws: WorkspaceState | null) => Changes | null;
  /** The view of a state at the terminal's current size. */
  readonly view: (state: AppState) => View;
}

/** Computes a large policy's findings and matrix away from the UI thread, and says when they are in. */
export interface BackgroundDerivation {
  readonly run: (text: string, kind: PolicyKind, grants: readonly Grant[]) => Promise<SlowParts>;
  /** The diff of two large policy documents (the Changes tab), off the UI thread. */
  readonly diff?: (before: string, after: string, kind: PolicyKind) => Promise<PolicyDiff>;
  readonly onReady: () => void;
}

/**
 * `size` is asked each time a view is made: the terminal can be resized between keys. With
 * `background`, a large opened policy shows at once and its findings and matrix follow.
 */
export function createViewSource(templates: readonly Template[], lib: TemplateLibrary, size: () => ScreenSize = () => BREAKPOINTS.minimum, background?: BackgroundDerivation): ViewSource {
  let listFor: { filter: string; list: readonly Template[] } | null = null;
  const derivedBySource = new WeakMap<WorkspaceSource, Derived>();
  const rowsBySource = new WeakMap<WorkspaceSource, readonly ParamRow[]>();
  const list = (filter: string) => {
    if (listFor?.filter !== filter) listFor = { filter, list: browseList(templates, filter) };
    return listFor.list;
  };
  const template = (ws: WorkspaceState | null) => (ws?.source.kind === 'template' ? lib.find(ws.source.templateId) : undefined);
  const derived = (ws: WorkspaceState | null) => {
    if (!ws) return null;
    const source = ws.source;
    let d = derivedBySource.get(source);
    if (!d) {
      const made = derive(source, template(ws), { deferSlow: background !== undefined });
      derivedBySource.set(source, (d = made));
      if (made.pending && background) {
        // If the background fails (no worker threads here), the same parts are computed in this thread: slower, never missing.
        const arrive = (parts: SlowParts) => {
          derivedBySource.set(source, withSlowParts(made, parts));
          background.onReady();
        };
        const grants = source.kind === 'file' ? (source.grants ?? []) : [];
        background.run(made.text, made.kind, grants).then(arrive, () => arrive(slowParts(made.text, made.kind, made.document, grants)));
      }
    }
    return d;
  };
  const rows = (ws: WorkspaceState | null): readonly ParamRow[] => {
    if (ws?.source.kind !== 'template') return [];
    let r = rowsBySource.get(ws.source);
    if (!r) {
      const t = template(ws);
      rowsBySource.set(ws.source, (r = t ? paramRows(t, ws.source.values) : []));
    }
    return r;
  };
  // The baseline is only compared, never shown: its slow parts are not computed in the background.
  const baselineDerived = new WeakMap<WorkspaceSource, Derived>();
  const baselineOf = (ws: WorkspaceState): Derived => {
    const b = ws.baseline;
    let d = derivedBySource.get(b) ?? baselineDerived.get(b);
    if (!d) baselineDerived.set(b, (d = derive(b, b.kind === 'template' ? lib.find(b.templateId) : undefined, { deferSlow: true })));
    return d;
  };
  const changesByPair = new WeakMap<Derived, WeakMap<Derived, Changes>>();
  // Large documents are diffed in the worker, once per pair of sources (their derived data is replaced when its slow parts arrive).
  const backgroundDiffs = new WeakMap<WorkspaceSource, WeakMap<WorkspaceSource, Changes>>();
  const inBackground = (ws: WorkspaceState, base: Derived, current: Derived): Changes | null => {
    const run = background?.diff;
    const plain = (s: WorkspaceSource) => s.kind === 'file' && !s.policy && !s.decodeFinding;
    if (!run || !plain(ws.baseline) || !plain(ws.source) || base.unreadable || current.unreadable) return null;
    let inner = backgroundDiffs.get(ws.baseline);
    if (!inner) backgroundDiffs.set(ws.baseline, (inner = new WeakMap()));
    const known = inner.get(ws.source);
    if (known) return known;
    const pending: Changes = { status: 'pending', statements: current.statements.length };
    const into = inner;
    const source = ws.source;
    into.set(source, pending);
    const arrive = (c: Changes) => {
      into.set(source, c);
      background.onReady();
    };
    // If the worker fails, the diff is made here: slower, never missing.
    run(base.text, current.text, current.kind).then(
      (d) => arrive(changesFromDiff(d)),
      () => arrive(changesFromDiff(diffPolicies(base.document!, current.document!, current.kind))),
    );
    return pending;
  };
  const changes = (ws: WorkspaceState | null): Changes | null => {
    const current = derived(ws);
    if (!ws || !current) return null;
    if (ws.baseline === ws.source) return changesOf(current, current, true);
    const base = baselineOf(ws);
    if (isLarge(current) || isLarge(base)) {
      const off = inBackground(ws, base, current);
      if (off) return off;
      if (ws.tab !== 'changes') return null;
    }
    let inner = changesByPair.get(base);
    if (!inner) changesByPair.set(base, (inner = new WeakMap()));
    let c = inner.get(current);
    if (!c) inner.set(current, (c = changesOf(base, current, false)));
    return c;
  };
  return {
    list,
    template,
    derived,
    rows,
    changes,
    view: (state) => viewOf(state, list(state.browser.filter), derived(state.workspace), rows(state.workspace).length, size(), changes(state.workspace)),
  };
}
