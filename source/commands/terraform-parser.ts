/**
 * Runs HashiCorp's HCL parser (@cdktf/hcl2json, WebAssembly) over .tf files and
 * hands the JSON and the `jsonencode` expression trees to the pure reader.
 * The parser is imported only here, and only when a .tf file is read: its
 * WebAssembly module costs start-up time that the other commands must not pay.
 */
import { readTerraform, terraformExpressions, type HclExpressionAst, type SourceRead, type TerraformFile } from '../core/sources/index.js';

type Hcl2Json = typeof import('@cdktf/hcl2json');
let parser: Promise<Hcl2Json> | null = null;

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** The .tf files as hcl2json reads them (a file the parser rejects keeps its error). */
export async function parseTerraformFiles(files: readonly { file: string; text: string }[]): Promise<TerraformFile[]> {
  parser ??= import('@cdktf/hcl2json');
  const hcl = await parser;
  const parsed: TerraformFile[] = [];
  for (const f of files) {
    try {
      parsed.push({ file: f.file, text: f.text, json: (await hcl.parse(f.file, f.text)) as Record<string, unknown> });
    } catch (e) {
      parsed.push({ file: f.file, text: f.text, json: null, error: oneLine(e) });
    }
  }
  return parsed;
}

/** Reads the .tf files of one module together, so references between them are followed. */
export async function readTerraformFiles(files: readonly { file: string; text: string }[]): Promise<SourceRead> {
  parser ??= import('@cdktf/hcl2json');
  const hcl = await parser;
  const parsed = await parseTerraformFiles(files);
  const asts = new Map<string, HclExpressionAst | null>();
  for (const expr of terraformExpressions(parsed)) {
    try {
      asts.set(expr, (await hcl.getExpressionAst('policy.tf', expr)) as HclExpressionAst | null);
    } catch {
      asts.set(expr, null);
    }
  }
  return { format: 'terraform', ...readTerraform(parsed, asts) };
}
