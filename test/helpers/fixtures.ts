import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './cli.js';

export interface SeedFixture {
  readonly file: string;
  readonly seed: string;
  readonly valid: boolean;
  readonly kind: 'key' | 'identity' | null;
  readonly statements: number | null;
}

export const SEED_DIR = join(FIXTURES, 'seeds');

export function seedManifest(): SeedFixture[] {
  return JSON.parse(readFileSync(join(SEED_DIR, 'manifest.json'), 'utf8')) as SeedFixture[];
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}
