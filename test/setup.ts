// Ink reads CI at import time and then renders differently (no live updates,
// no resize): UI tests must see the same terminal behaviour on a laptop and in CI.
// The original value is kept for tests that must never skip in CI (real clipboard).
if (process.env.KPT_ORIGINAL_CI === undefined) process.env.KPT_ORIGINAL_CI = process.env.CI ?? '';
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
