import fc from 'fast-check';

// Ink reads CI at import time and then renders differently (no live updates,
// no resize): UI tests must see the same terminal behaviour on a laptop and in CI.
// The original value is kept for tests that must never skip in CI (real clipboard).
if (process.env.KPT_ORIGINAL_CI === undefined) process.env.KPT_ORIGINAL_CI = process.env.CI ?? '';
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// The UI picks Unicode or ASCII symbols from the locale when it loads: in-process UI tests
// expect the Unicode ones whatever locale the developer's shell has (tests of the ASCII
// fallback pass their environment explicitly).
process.env.LC_ALL = 'C.UTF-8';
if (process.env.TERM === 'linux' || process.env.TERM === 'dumb' || !process.env.TERM) process.env.TERM = 'xterm-256color';
// Property tests: random seeds on a developer's machine (fast-check prints the seed of a
// failure), one fixed seed in CI so that a landing never depends on luck. FC_SEED overrides.
const fcSeed = process.env.FC_SEED ?? (process.env.KPT_ORIGINAL_CI && process.env.KPT_ORIGINAL_CI !== 'false' ? '20261125' : undefined);
if (fcSeed !== undefined && fcSeed !== 'random') fc.configureGlobal({ seed: Number(fcSeed) });
