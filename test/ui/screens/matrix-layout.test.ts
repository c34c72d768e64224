import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../source/core/templates/index.js';
import { middleEllipsis } from '../../../source/ui/components/ellipsis.js';
import { gridWidths, headingText, matrixLayout, MIN_LABEL, windowPosition, orientationOf, packLines, shortSubject, subjectHeading, subjectLabel } from '../../../source/ui/screens/matrix-layout.js';
import { cellDetailLines, cellShown, legendItems, matrixColumns } from '../../../source/ui/screens/matrix-view.js';
import { derive } from '../../../source/ui/state/derive.js';
import type { MatrixRow } from '../../../source/core/matrix/types.js';

const account = fc.stringMatching(/^[0-9]{12}$/);
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9+=,.@_-]{0,40}$/);
const path = fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { maxLength: 3 }).map((p) => p.map((s) => `${s}/`).join(''));
const roleArn = fc.record({ account, name, path, type: fc.constantFrom('role', 'user') }).map((r) => ({ ...r, arn: `arn:aws:iam::${r.account}:${r.type}/${r.path}${r.name}` }));

describe('middleEllipsis', () => {
  it('keeps the account id and the last path segment whenever the two fit (property)', () => {
    fc.assert(
      fc.property(roleArn, fc.integer({ min: 0, max: 80 }), (r, extra) => {
        const width = 12 + 1 + r.name.length + 2 + extra;
        const out = middleEllipsis(r.arn, width);
        expect(out.length).toBeLessThanOrEqual(width);
        expect(out).toContain(r.account);
        expect(out.endsWith(`/${r.name}`)).toBe(true);
        if (r.arn.length <= width) expect(out).toBe(r.arn);
      }),
    );
  });

  it('never cuts at the end, and fits any text in the width (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 100 }), (text, width) => {
        const out = middleEllipsis(text, width);
        expect(out.length).toBeLessThanOrEqual(width);
        expect(out.at(-1)).toBe(text.at(-1));
      }),
    );
  });

  it('shortens in the middle: the short name of a role, an ARN and a plain name', () => {
    expect(middleEllipsis('444455556666:role/Partner', 22)).toBe('444455556666:…/Partner');
    expect(middleEllipsis('arn:aws:iam::444455556666:role/RoleName', 38)).toBe('arn:aws:iam::444455556666:ro…/RoleName');
    expect(middleEllipsis('arn:aws:iam::444455556666:role/RoleName', 32)).toBe('arn:a…444455556666:role/RoleName');
    expect(middleEllipsis('arn:aws:iam::444455556666:role/RoleName', 24)).toBe('…444455556666…/RoleName');
    expect(middleEllipsis('GenerateDataKeyPairWithoutPlaintext', 15)).toBe('Gene…tPlaintext');
  });
});

describe('gridWidths', () => {
  it('cuts no label while the row has a free column, and never draws past the width (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 80, max: 300 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 3, max: 27 }),
        fc.integer({ min: 1, max: 60 }),
        (width, labelLength, columns, cell, minCols) => {
          const w = gridWidths(width, labelLength, columns, cell, minCols);
          const used = w.labelWidth + 1 + w.visibleCols * w.cellWidth;
          expect(w.visibleCols).toBeGreaterThanOrEqual(1);
          expect(w.visibleCols).toBeLessThanOrEqual(columns);
          expect(w.labelWidth).toBeLessThanOrEqual(labelLength);
          if (w.labelWidth >= MIN_LABEL || w.labelWidth === labelLength) expect(used).toBeLessThanOrEqual(Math.max(width, MIN_LABEL + 1 + cell));
          // A cut label: every column of the row is taken by cells.
          if (w.labelWidth < labelLength && w.labelWidth > MIN_LABEL) expect(used).toBe(width);
          // Room for another column of cells is never left empty while columns are hidden.
          if (w.visibleCols < columns) expect(width - used).toBeLessThan(cell);
        },
      ),
    );
  });
});

const matrixOf = (id: string) => derive({ kind: 'template', templateId: id, values: {} }, findTemplate(id)).matrix!;
const fileMatrix = (policy: unknown) => derive({ kind: 'file', name: 'p.json', text: JSON.stringify(policy) }, undefined).matrix!;

const TWO_ACCOUNTS = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'PartnerUse',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:role/Partner' },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['s3.us-west-2.amazonaws.com', 'rds.us-west-2.amazonaws.com'] } },
    },
    { Sid: 'NoDelete', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
  ],
};

describe('principal names', () => {
  it('short names keep account and name; two heading lines split them', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    const partner = m.rows.find((r) => r.subject.endsWith('role/Partner'))!;
    expect(shortSubject(partner)).toBe('444455556666:role/Partner');
    expect(subjectHeading(partner)).toEqual(['444455556666:', 'role/Partner']);
    expect(shortSubject(m.rows.find((r) => r.subject.endsWith(':root'))!)).toBe('111122223333:root');
    expect(subjectLabel(partner, 80)).toBe(partner.label);
    expect(subjectLabel(partner, 23)).toBe('444455556666:r…/Partner');
  });

  it('a row label is the full label whenever it fits, and keeps account and name when it does not (property)', () => {
    fc.assert(
      fc.property(roleArn, fc.integer({ min: 0, max: 60 }), (r, extra) => {
        const row: MatrixRow = { subject: r.arn, label: `Role ${r.name} (account ${r.account})`, evaluatedAs: r.arn, cells: {} };
        const width = 12 + 2 + r.name.length + 2 + extra;
        const out = subjectLabel(row, width);
        expect(out.length).toBeLessThanOrEqual(width);
        expect(out).toContain(r.account);
        if (row.label.length <= width) expect(out).toBe(row.label);
        else expect(out.endsWith(`/${r.name}`)).toBe(true);
      }),
    );
  });
});

describe('matrixLayout', () => {
  it('single actions run down grouped by action group, with every full action name as a line', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    expect(orientationOf('actions', false)).toBe('actions-rows');
    expect(orientationOf('actions', true)).toBe('subjects-rows');
    expect(orientationOf('groups', true)).toBe('actions-rows');
    const layout = matrixLayout(m, { row: 0, col: 0, mode: 'actions', transposed: false }, 80, 15);
    const items = layout.lines.filter((l) => l.kind === 'item').map((l) => l.text.trim());
    expect(items.map((a) => `kms:${a}`).sort()).toEqual([...m.actions].sort());
    expect(layout.lines[0]).toMatchObject({ kind: 'heading', text: 'Cryptographic' });
    expect(layout.widths.labelWidth).toBeGreaterThanOrEqual(Math.max(...layout.lines.map((l) => l.text.length)));
    expect(layout.acrossCount).toBe(m.rows.length);
  });

  it('keeps the cursor in view on both axes, and draws within the width (property)', () => {
    const matrices = [fileMatrix(TWO_ACCOUNTS), matrixOf('console-default-key-policy'), matrixOf('encrypt-decrypt-specific-keys')];
    fc.assert(
      fc.property(
        fc.constantFrom(...matrices),
        fc.constantFrom('groups' as const, 'actions' as const),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 80, max: 220 }),
        fc.integer({ min: 3, max: 40 }),
        (m, mode, transposed, r, c, width, rows) => {
          const cols = matrixColumns(m, mode).length;
          const cursor = { row: r % m.rows.length, col: c % cols, mode, transposed };
          const l = matrixLayout(m, cursor, width, rows);
          const inView = l.lines.slice(l.lineStart, l.lineStart + l.gridRows);
          expect(inView.some((line) => line.kind === 'item' && line.index === l.cursorDown)).toBe(true);
          expect(l.cursorAcross).toBeGreaterThanOrEqual(l.colStart);
          expect(l.cursorAcross).toBeLessThan(l.colStart + l.widths.visibleCols);
          expect(l.widths.labelWidth + 1 + l.widths.visibleCols * l.widths.cellWidth).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('at 120 columns both accounts of a cross-account key policy are in the principal headings', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    const l = matrixLayout(m, { row: 0, col: 0, mode: 'actions', transposed: false }, 120, 20);
    const shown = m.rows.slice(l.colStart, l.colStart + l.widths.visibleCols).map((r) => (l.headingRows === 2 ? subjectHeading(r).join('') : shortSubject(r)));
    expect(shown.join(' ')).toContain('111122223333');
    expect(shown.join(' ')).toContain('444455556666');
  });
});

describe('cells, detail and legend', () => {
  it('a group whose actions differ shows a count, not a bare symbol', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    const partner = m.rows.find((r) => r.subject.endsWith('role/Partner'))!;
    const crypto = matrixColumns(m, 'groups')[0]!;
    const shown = cellShown(partner, crypto, 'groups', 'key');
    expect(shown.text).toMatch(/^1\/\d+ C$/);
    expect(shown.text).not.toContain('~');
  });

  it('the detail lists every path: effect, via, statements with Sids, each condition as key operator values', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    const partner = m.rows.find((r) => r.subject.endsWith('role/Partner'))!;
    const decrypt = matrixColumns(m, 'actions').find((c) => c.name === 'kms:Decrypt')!;
    const names = (i: number) => `statement ${i} (Sid ${TWO_ACCOUNTS.Statement[i]!.Sid})`;
    const lines = cellDetailLines(partner, decrypt, 'actions', names, 'key');
    expect(lines.join('\n')).toContain('Allow if an IAM policy allows too by statement 1 (Sid PartnerUse)');
    expect(lines.join('\n')).toContain('if kms:ViaService StringEquals s3.us-west-2.amazonaws.com, rds.us-west-2.amazonaws.com');
    const schedule = matrixColumns(m, 'actions').find((c) => c.name === 'kms:ScheduleKeyDeletion')!;
    expect(cellDetailLines(partner, schedule, 'actions', names, 'key').join('\n')).toContain('Deny by statement 2 (Sid NoDelete)');
  });

  it('the legend names every symbol a cell can show, and its lines fit the width', () => {
    const m = fileMatrix(TWO_ACCOUNTS);
    for (const mode of ['groups', 'actions'] as const) {
      const legend = legendItems('key', mode).join(' ');
      const symbols = new Set<string>();
      for (const row of m.rows) for (const c of matrixColumns(m, mode)) symbols.add(cellShown(row, c, mode, 'key').text.replace(/^\d+\/\d+ /, ''));
      for (const s of symbols) expect(legend).toContain(`${s} `);
      for (const s of ['A ', 'I ', 'B ', 'G ', 'D ', 'C ', '. ', '[ ]']) expect(legend).toContain(s);
      if (mode === 'groups') expect(legend).toContain('3/13 A');
      for (const line of packLines(legendItems('key', mode), '  ', 80)) expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('headingText', () => {
  it('keeps the title in the corner at every size, and places the window position somewhere (property)', () => {
    const many = fileMatrix({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: Array.from({ length: 40 }, (_, i) => `arn:aws:iam::111122223333:role/R${i}`) }, Action: 'kms:Decrypt', Resource: '*' }],
    });
    fc.assert(
      fc.property(fc.constantFrom('groups' as const, 'actions' as const), fc.boolean(), fc.integer({ min: 80, max: 220 }), fc.integer({ min: 3, max: 30 }), (mode, transposed, width, rows) => {
        const l = matrixLayout(many, { row: 0, col: 0, mode, transposed }, width, rows);
        const h = headingText(l, 'Action groups', width);
        expect(h.corner[0]!.startsWith('Action groups')).toBe(true);
        const said = [...h.corner, h.after, h.rest].join(' ');
        const { down, across } = windowPosition(l);
        if (down) expect(said).toContain(down);
        if (across) expect(said).toContain(across);
      }),
    );
  });
});

describe('service principal columns', () => {
  it('name the service once, and fit one heading line at 200 columns beside four other principals', () => {
    const m = fileMatrix({
      Version: '2012-10-17',
      Statement: [
        ...TWO_ACCOUNTS.Statement,
        { Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-west-2.amazonaws.com' }, Action: 'kms:Encrypt*', Resource: '*' },
      ],
    });
    const logs = m.rows.find((r) => r.subject === 'logs.us-west-2.amazonaws.com')!;
    expect(shortSubject(logs)).toBe('logs.us-west-2.amazonaws.com');
    expect(subjectHeading(logs)).toEqual(['Service', 'logs.us-west-2.amazonaws.com']);
    const l = matrixLayout(m, { row: 0, col: 0, mode: 'actions', transposed: false }, 200, 30);
    expect(l.headingRows).toBe(1);
    expect(l.widths.visibleCols).toBe(m.rows.length);
  });
});
