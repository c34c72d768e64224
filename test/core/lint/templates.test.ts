import { describe, expect, it } from 'vitest';
import { FINDING_IDS, lintPolicy, severityOf, type FindingId } from '../../../source/core/lint/index.js';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';

describe('templates at their defaults', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s: every security or warning finding is named in its teaching notes', (_id, t) => {
    const { findings, kind } = lintPolicy(JSON.stringify(renderTemplate(t), null, 2), { kind: t.kind });
    expect(kind).toBe(t.kind);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([]);
    const taught = [t.description, t.notes ?? '', ...t.statementNotes].join('\n');
    const risky = [...new Set(findings.filter((f) => f.severity === 'security' || f.severity === 'warning').map((f) => f.id))];
    const untaught = risky.filter((id) => !taught.includes(id));
    expect(untaught, `${t.id} fires ${risky.join(', ')}; its notes must say why`).toEqual([]);
  });

  it('the intentionally risky templates do fire what their notes announce', () => {
    // A note that names a security or warning id which never fires would teach something false.
    // (Error ids appear in notes as lessons about the seed pages' older versions, e.g. INVALID_SID.)
    for (const t of allTemplates()) {
      const taught = [t.description, t.notes ?? '', ...t.statementNotes].join('\n');
      const named = [...taught.matchAll(/\b([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)\b/g)].map((m) => m[1]!);
      const { findings } = lintPolicy(JSON.stringify(renderTemplate(t), null, 2), { kind: t.kind });
      for (const id of named.filter((x): x is FindingId => (FINDING_IDS as readonly string[]).includes(x) && severityOf(x as FindingId) !== 'error')) {
        expect(findings.map((f) => f.id), `${t.id} names ${id}`).toContain(id);
      }
    }
  });
});
