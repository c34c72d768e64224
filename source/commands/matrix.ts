/** `matrix`: who can do what under one policy (SPEC 2.2), as JSON or a compact grid by action group. */
import { ACTION_GROUPS, ACTION_GROUP_LABELS } from '../core/catalog/kms.js';
import { buildMatrix, DISPLAY_LEGEND, DISPLAY_MEANINGS, DISPLAY_SYMBOLS, DISPLAY_WORDS, groupDisplay, type GroupDisplay, type Matrix } from '../core/matrix/index.js';
import { flagBoolean, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicy, requireReadable } from './load-policy.js';

const FLAGS = { json: 'boolean', kind: 'string', policy: 'string' } as const;

/** SPEC 2.2 JSON: cells carry decision, via and statements only. */
export function matrixJson(m: Matrix): unknown {
  return {
    kind: m.kind,
    actions: m.actions,
    rows: m.rows.map((r) => ({
      subject: r.subject,
      label: r.label,
      cells: Object.fromEntries(m.actions.map((a) => {
        const c = r.cells[a]!;
        return [a, { decision: c.decision, via: c.via, statements: c.statements }];
      })),
    })),
  };
}

const COLORS: Readonly<Record<GroupDisplay, number>> = { allow: 32, iam: 34, deny: 31, conditional: 33, none: 2, mixed: 36 };

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

export function formatMatrix(m: Matrix, color: boolean): string {
  const paint = (d: GroupDisplay, s: string) => (color ? `\u001b[${COLORS[d]}m${s}\u001b[0m` : s);
  const labelWidth = Math.min(60, Math.max(...m.rows.map((r) => r.label.length), 'Principal'.length));
  const cut = (s: string) => (s.length > labelWidth ? `${s.slice(0, labelWidth - 3)}...` : s.padEnd(labelWidth));
  const headings = ACTION_GROUPS.map((g) => GROUP_HEADINGS[g]);
  const lines = [`${(m.kind === 'key' ? 'Principal' : 'Resource').padEnd(labelWidth)}  ${headings.map((h) => h.padEnd(7)).join('')}`.trimEnd()];
  for (const row of m.rows) {
    const cells = ACTION_GROUPS.map((g) => {
      const d = groupDisplay(row, g, m.kind);
      return paint(d, DISPLAY_SYMBOLS[d]) + ' '.repeat(6);
    });
    lines.push(`${cut(row.label)}  ${cells.join('')}`.trimEnd());
  }
  lines.push('');
  // The whole legend whatever the policy, so a symbol always means the same; 'I' exists only in key policies.
  const legend = DISPLAY_LEGEND.filter((d) => d !== 'iam' || m.kind === 'key');
  lines.push(`Legend: ${legend.map((d) => `${DISPLAY_SYMBOLS[d]} ${DISPLAY_WORDS[d]}`).join('  ')}`);
  for (const d of ['iam', 'conditional', 'mixed'] as const) if (legend.includes(d)) lines.push(`  ${DISPLAY_SYMBOLS[d]} = ${DISPLAY_MEANINGS[d]}`);
  lines.push(`Groups: ${ACTION_GROUPS.map((g) => `${GROUP_HEADINGS[g]} = ${ACTION_GROUP_LABELS[g]}`).join('; ')}`);
  for (const row of m.rows) if (row.note) lines.push(`${row.label}: ${row.note}`);
  if (m.kind === 'identity') lines.push('An identity policy is half of the decision: the key policy of each key must also allow.');
  lines.push('Per-action cells: --json.');
  return `${lines.join('\n')}\n`;
}

function useColor(io: CommandIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('matrix', argv, FLAGS);
  if (args.positionals.length > 1) throw new UsageError(`matrix: expected one policy file, got ${args.positionals.length}`);
  const loaded = await loadPolicy(args.positionals[0], args, io, 'matrix');
  requireReadable(loaded);
  const matrix = buildMatrix(loaded.parsed.document, loaded.kind);
  if (flagBoolean(args, 'json')) io.stdout.write(`${JSON.stringify(matrixJson(matrix), null, 2)}\n`);
  else io.stdout.write(formatMatrix(matrix, useColor(io)));
  return EXIT.ok;
}
