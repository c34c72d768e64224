/** The workerData by which cli.js knows it was started as the UI's background worker (issue 13). */
export const DERIVE_WORKER = { role: 'kms-policy-tui/derive' } as const;

export function isDeriveWorker(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === DERIVE_WORKER.role;
}
