/**
 * Runs one in-process section of the bench (engine or keys) in its own process, so that one
 * section's heap (iam-simulate's data, Ink's frames) and V8 settings never weigh on the
 * other's figures. Writes the table rows as JSON to stdout; progress goes to stderr.
 *
 *   node bench/section.mjs engine|keys   (after bench/run.mjs has bundled bench/entry.tsx)
 */
// Ink reads CI when it is imported: a CI value would change how the in-process app renders.
delete process.env.CI;
// Render in colour as in a 256-colour terminal, whatever the bench's own output is
// (chalk reads this when the bundle is imported, below).
process.env.FORCE_COLOR = '2';

const { importEntry } = await import('./lib/bundle.mjs');
const section = process.argv[2];
const log = (s) => process.stderr.write(`${s}\n`);
const mod = await importEntry();
let rows;
if (section === 'engine') rows = await (await import('./engine.mjs')).engineBench(mod, log);
else if (section === 'keys') rows = await (await import('./keys.mjs')).keysBench(mod, log);
else throw new Error(`unknown section ${section}`);
process.stdout.write(JSON.stringify(rows));
process.exit(0);
