import { setFlagsFromString } from 'node:v8';

/**
 * Stops V8 from growing the young generation past its current size (issue 7: peak memory of
 * an interactive session <= 120 MB). Ink and React allocate a screen's worth of short-lived
 * objects per frame; V8 answers by doubling the young generation up to 2 x 16 MB, which is
 * most of the session's peak RSS. Called once the UI's modules are loaded (their start-up
 * allocations keep the default growth), it costs a few more, smaller scavenges per frame.
 * The flag is read by V8 each time it would grow the young generation; where a V8 ignores or
 * lacks it, nothing changes.
 */
export function keepYoungGenerationSmall(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Not fatal: only memory use is at stake.
  }
}
