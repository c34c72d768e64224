// Ink reads CI at import time and then renders differently (no live updates,
// no resize): UI tests must see the same terminal behaviour on a laptop and in CI.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
