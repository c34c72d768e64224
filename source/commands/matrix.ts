/** `matrix`: who can do what under one policy (SPEC 2.2), as JSON or a compact grid by action group. */
import { visibleLine } from '../core/text/visible.js';
import { ACTION_GROUPS, ACTION_GROUP_LABELS } from '../core/catalog/kms.js';
import { kmsActionsByGroup } from '../core/catalog/kms.js';
import { buildMatrix, cellConditionKeys, DISPLAY_LEGEND, DISPLAY_MEANINGS, DISPLAY_SYMBOLS, DISPLAY_WORDS, groupDisplay, type GroupDisplay, type Matrix } from '../core/matrix/index.js';
import { flagBoolean, flagString, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicy, requireReadable } from './load-policy.js';
import { requireGrants } from './load-grants.js';
import { describeGrant, type Grant } from '../core/grants/index.js';

const FLAGS = { json: 'boolean', kind: 'string', policy: 'string', grants: 'string' } as const;

/** SPEC 2.2 JSON: the cell model as it is, rows with their evaluatedAs. */
export function matrixJson(m: Matrix): unknown {
  return {
    kind: m.kind,
    keyAccount: m.keyAccount,
    actions: m.actions,
    rows: m.rows.map((r) => ({
      subject: r.subject,
      label: r.label,
      evaluatedAs: r.evaluatedAs,
      cells: Object.fromEntries(m.actions.map((a) => {
        const c = r.cells[a]!;
        return [a, { decision: c.decision, via: c.via, statements: c.statements, paths: c.paths }];
      })),
    })),
  };
}

const COLORS: Readonly<Record<GroupDisplay, number>> = { allow: 32, iam: 34, 'iam-or-direct': 36, grant: 92, deny: 31, conditional: 33, none: 2, mixed: 35 };

/** Per row and group, the condition keys its cells depend on (the grid shows only the symbol). */
function conditionLines(m: Matrix): string[] {
  const lines: string[] = [];
  const groups = kmsActionsByGroup();
  for (const row of m.rows) {
    for (const g of ACTION_GROUPS) {
      const keys = new Set<string>();
      for (const a of groups.get(g) ?? []) {
        const cell = row.cells[a.id];
        if (cell && cell.decision === 'conditional') for (const k of cellConditionKeys(cell)) keys.add(k);
        else if (cell) for (const p of cell.paths) if (p.effect === 'Allow' && p.conditions.length > 0) for (const c of p.conditions) keys.add(c.key);
      }
      // Labels and condition keys come from the policy: shown escaped (SPEC 2).
      if (keys.size > 0) lines.push(`  ${visibleLine(row.label)}, ${GROUP_HEADINGS[g]}: ${visibleLine([...keys].join(', '))}`);
    }
  }
  return lines.length > 0 ? ['Conditions (the keys the request must carry for a conditional path):', ...lines] : [];
}

/** Short column headings, one per action group. */
const GROUP_HEADINGS: Readonly<Record<(typeof ACTION_GROUPS)[number], string>> = {
  Cryptographic: 'Crypto',
  'Key management': 'Manage',
  'Access control': 'Access',
  'Read and list': 'Read',
  Tagging: 'Tags',
  Aliases: 'Alias',
  'Custom key stores': 'Stores',
};

export function formatMatrix(m: Matrix, color: boolean, grants: readonly Grant[] = []): string {
  const paint = (d: GroupDisplay, s: string) => (color ? `\u001b[${COLORS[d]}m${s}\u001b[0m` : s);
  // Labels come from the policy: shown escaped, never acted on by the terminal (SPEC 2).
  const labels = m.rows.map((r) => visibleLine(r.label));
  const labelWidth = Math.min(60, Math.max(...labels.map((l) => l.length), 'Principal'.length));
  const cut = (s: string) => (s.length > labelWidth ? `${s.slice(0, labelWidth - 3)}...` : s.padEnd(labelWidth));
  const headings = ACTION_GROUPS.map((g) => GROUP_HEADINGS[g]);
  const lines = [`${(m.kind === 'key' ? 'Principal' : 'Resource').padEnd(labelWidth)}  ${headings.map((h) => h.padEnd(7)).join('')}`.trimEnd()];
  for (const [i, row] of m.rows.entries()) {
    const cells = ACTION_GROUPS.map((g) => {
      const d = groupDisplay(row, g, m.kind);
      return paint(d, DISPLAY_SYMBOLS[d]) + ' '.repeat(6);
    });
    lines.push(`${cut(labels[i]!)}  ${cells.join('')}`.trimEnd());
  }
  lines.push('');
  // The whole legend whatever the policy, so a symbol always means the same; 'I' exists only in key policies.
  const legend = DISPLAY_LEGEND.filter((d) => (d !== 'iam' && d !== 'iam-or-direct') || m.kind === 'key');
  lines.push(`Legend: ${legend.map((d) => `${DISPLAY_SYMBOLS[d]} ${DISPLAY_WORDS[d]}`).join('  ')}`);
  for (const d of ['iam', 'iam-or-direct', 'grant', 'conditional', 'mixed'] as const) if (legend.includes(d)) lines.push(`  ${DISPLAY_SYMBOLS[d]} = ${DISPLAY_MEANINGS[d]}`);
  lines.push(...conditionLines(m));
  // Grant fields come from the grants file: shown escaped (SPEC 2).
  if (grants.length > 0) lines.push('Grants (G: allowed through a grant; an explicit Deny of a policy still wins):', ...grants.map((g) => `  ${visibleLine(describeGrant(g))}`));
  lines.push(`Groups: ${ACTION_GROUPS.map((g) => `${GROUP_HEADINGS[g]} = ${ACTION_GROUP_LABELS[g]}`).join('; ')}`);
  for (const [i, row] of m.rows.entries()) if (row.note) lines.push(`${labels[i]!}: ${visibleLine(row.note)}`);
  if (m.kind === 'identity') lines.push('An identity policy is half of the decision: the key policy of each key must also allow.');
  lines.push('Per-action cells: --json.');
  return `${lines.join('\n')}\n`;
}

/** NO_COLOR and FORCE_COLOR are honoured (SPEC 2), else colour on a terminal. */
export function useColor(io: CommandIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('matrix', argv, FLAGS);
  if (args.positionals.length > 1) throw new UsageError(`matrix: expected one policy file, got ${args.positionals.length}`);
  const grantsPath = flagString(args, 'grants');
  if (grantsPath === '-' && args.positionals[0] === '-') throw new UsageError("matrix: only one file can be read from standard input ('-')");
  const loaded = await loadPolicy(args.positionals[0], args, io, 'matrix');
  requireReadable(loaded);
  const grants = await requireGrants(grantsPath, io);
  if (grants.length > 0 && loaded.kind !== 'key') throw new UsageError('matrix: --grants needs a key policy (grants are on a key)');
  const matrix = buildMatrix(loaded.parsed.document, loaded.kind, { grants });
  if (flagBoolean(args, 'json')) io.stdout.write(`${JSON.stringify(matrixJson(matrix), null, 2)}\n`);
  else io.stdout.write(formatMatrix(matrix, useColor(io), grants));
  return EXIT.ok;
}
