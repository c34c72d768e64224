import { visibleLine } from '../core/text/visible.js';
import { resolve } from 'node:path';
import { exportPolicy, EXPORT_FORMATS } from '../core/export/index.js';
import {
  closeTemplateIds,
  expectedForm,
  findTemplate,
  renderTemplate,
  validateParameter,
  type ParameterValue,
  type Template,
} from '../core/templates/index.js';
import { writeFileAtomic, type WriteResult } from '../io/atomic-write.js';
import { copyText } from '../io/clipboard.js';
import { flagBoolean, flagChoice, flagString, flagStrings, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';

function templateOrThrow(id: string | undefined): Template {
  if (id === undefined) throw new UsageError("render needs a template id, e.g. 'kms-policy-tui render encrypt-decrypt-account'. See 'kms-policy-tui list'.");
  const t = findTemplate(id);
  if (t) return t;
  const close = closeTemplateIds(id);
  const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
  throw new UsageError(`unknown template '${id}'.${hint} See 'kms-policy-tui list'.`);
}

/** --param NAME=VALUE flags → checked values; every problem is a usage error naming the parameter. */
export function parseParams(t: Template, flags: readonly string[]): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  const names = t.parameters.map((p) => p.name);
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = eq < 0 ? flag : flag.slice(0, eq);
    const param = t.parameters.find((p) => p.name === name);
    if (!param) {
      const known = names.length > 0 ? `its parameters are ${names.join(', ')}` : 'it has no parameters';
      throw new UsageError(`--param ${flag}: template '${t.id}' has no parameter '${name}'; ${known}`);
    }
    if (eq < 0) throw new UsageError(`--param ${name}: missing value; write --param ${name}=VALUE (expected ${expectedForm(param.type)})`);
    if (Object.hasOwn(values, name)) throw new UsageError(`--param ${name} is given twice`);
    const check = validateParameter(param, flag.slice(eq + 1));
    if (!check.ok) throw new UsageError(`invalid --param ${check.message}`);
    values[name] = check.value;
  }
  return values;
}

/** "Wrote out.json", "Replaced out.json", or through a link "Replaced target.json (via link out.json)". */
export function writtenMessage(result: Extract<WriteResult, { ok: true }>, shown: string): string {
  const verb = result.overwritten ? 'Replaced' : 'Wrote';
  return result.target !== undefined ? `${verb} ${visibleLine(result.target)} (via link ${visibleLine(shown)})` : `${verb} ${visibleLine(shown)}`;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('render', argv, { param: 'strings', format: 'string', out: 'string', force: 'boolean', copy: 'boolean' });
  if (args.positionals.length > 1) throw new UsageError(`render takes one template id (got ${args.positionals.join(', ')})`);
  const template = templateOrThrow(args.positionals[0]);
  const format = flagChoice(args, 'format', EXPORT_FORMATS, 'json');
  const out = flagString(args, 'out');
  const force = flagBoolean(args, 'force');
  if (force && (out === undefined || out === '-')) throw new UsageError('--force applies only with --out FILE');
  if (out === '') throw new UsageError('--out needs a file name');

  const values = parseParams(template, flagStrings(args, 'param'));
  const text = exportPolicy(renderTemplate(template, values), template.kind, format, template.id);

  // `--out -` is standard output, as for every tool that takes a file name (not a file named "-").
  if (out !== undefined && out !== '-') {
    const result = await writeFileAtomic(resolve(io.cwd, out), text, { overwrite: force });
    if (!result.ok) {
      const hint = result.reason === 'exists' ? ' (use --force to replace it)' : '';
      throw new UsageError(`${result.message.replaceAll(resolve(io.cwd, out), out)}${hint}`);
    }
    io.stderr.write(`${writtenMessage(result, out)}\n`);
  } else {
    io.stdout.write(text);
  }
  if (flagBoolean(args, 'copy')) {
    // The escape (if any) goes to the terminal on stderr, so a redirected stdout stays clean.
    const copied = await copyText(text, { env: io.env, stdout: io.stderr });
    io.stderr.write(`${copied.message}\n`);
  }
  return EXIT.ok;
}
