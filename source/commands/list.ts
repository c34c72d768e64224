import { visible } from '../core/text/visible.js';
import { allTemplates, type Template } from '../core/templates/index.js';
import { flagBoolean, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';

/** The JSON shape of `list --json` (one entry per template). */
export function templateSummary(t: Template) {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    category: t.category,
    description: t.description,
    source: t.source,
    parameters: t.parameters.map((p) => ({ name: p.name, label: p.label, type: p.type, default: p.default, help: p.help })),
  };
}

function table(rows: readonly (readonly string[])[], width: number | undefined): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => {
      const line = r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
      return width && line.length > width ? `${line.slice(0, Math.max(width - 1, 10))}…` : line;
    })
    .join('\n');
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('list', argv, { json: 'boolean' });
  if (args.positionals.length > 0) throw new UsageError(`list takes no arguments (got '${args.positionals[0]}'). See 'kms-policy-tui --help'.`);
  const templates = [...allTemplates()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  if (flagBoolean(args, 'json')) {
    io.stdout.write(`${JSON.stringify(templates.map(templateSummary), null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = [
    ['ID', 'KIND', 'CATEGORY', 'PARAMETERS', 'TITLE'],
    ...templates.map((t) => [t.id, t.kind, t.category, t.parameters.map((p) => p.name).join(',') || '-', t.title]),
  ];
  io.stdout.write(`${visible(table(rows, io.stdout.isTTY ? io.stdout.columns : undefined))}\n`);
  if (io.stdout.isTTY) io.stdout.write(`\n${templates.length} templates. Render one with: kms-policy-tui render <id> [--param NAME=VALUE]...\n`);
  return EXIT.ok;
}
