import type { Role } from '@freiraum/contracts';
import type { CsvRecord } from './csv.js';
import {
  IMPORT_MAX_ROWS,
  ImportFileError,
  mapHeader,
  parseRoles,
  planImport,
  readRows,
  type ExistingImportUser,
  type ImportContext,
  type ImportRowInput,
} from './users-import.policy.js';

const header = (...cells: string[]): CsvRecord => ({ line: 1, cells });

describe('mapHeader', () => {
  it('accepts any order and case, and optional columns may be missing', () => {
    const columns = mapHeader(header('Last_Name', 'EMAIL', 'First Name', 'roles'));
    expect(Object.fromEntries(columns)).toEqual({ last_name: 0, email: 1, first_name: 2, roles: 3 });
  });

  it('ignores unnamed columns Excel adds', () => {
    expect(mapHeader(header('email', 'first_name', 'last_name', '', '')).size).toBe(3);
  });

  it('names unknown, duplicate and missing columns', () => {
    try {
      mapHeader(header('email', 'email', 'vorname', 'last_name'));
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(ImportFileError);
      expect((err as ImportFileError).issues.map((i) => i.message)).toEqual([
        'column "email" appears twice',
        expect.stringContaining('unknown column "vorname"'),
        'column "first_name" is missing',
      ]);
    }
  });
});

describe('readRows', () => {
  const columns = mapHeader(header('email', 'first_name', 'last_name', 'roles'));

  it('trims cells and marks absent columns as undefined', () => {
    expect(readRows([{ line: 2, cells: [' a@x.de ', ' Anna', 'B ', ''] }], columns)).toEqual([
      {
        line: 2,
        email: 'a@x.de',
        firstName: 'Anna',
        lastName: 'B',
        roles: '',
        department: undefined,
        track: undefined,
        managerEmail: undefined,
      },
    ]);
  });

  it('limits the number of rows', () => {
    const records = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ line: i + 2, cells: ['a', 'b', 'c'] }));
    expect(() => readRows(records, columns)).toThrow(/at most 5000/);
    expect(() => readRows([], columns)).toThrow(/no rows/);
  });
});

describe('parseRoles', () => {
  it('splits on comma, pipe and spaces, in any case', () => {
    expect(parseRoles('Employee, HR|manager  admin')).toEqual({
      roles: ['employee', 'hr', 'manager', 'admin'],
      unknown: [],
    });
  });

  it('empty means employee; unknown words are reported', () => {
    expect(parseRoles('')).toEqual({ roles: ['employee'], unknown: [] });
    expect(parseRoles('boss')).toEqual({ roles: [], unknown: ['boss'] });
  });
});

describe('planImport', () => {
  const user = (attrs: Partial<ExistingImportUser> & { id: string; email: string }): ExistingImportUser => ({
    firstName: 'Erika',
    lastName: 'Muster',
    roles: ['employee'],
    departmentId: null,
    trackId: null,
    managerId: null,
    active: true,
    ...attrs,
  });
  const admin = user({ id: 'u-admin', email: 'admin@x.de', roles: ['admin', 'employee'] });
  const boss = user({
    id: 'u-boss',
    email: 'boss@x.de',
    roles: ['employee', 'manager'],
    departmentId: 'd-sales',
    trackId: 't-lead',
  });
  const worker = user({
    id: 'u-worker',
    email: 'worker@x.de',
    managerId: 'u-boss',
    departmentId: 'd-sales',
    trackId: 't-sales',
  });
  const gone = user({ id: 'u-gone', email: 'gone@x.de', active: false });

  const context = (actorRoles: Role[] = ['admin', 'employee'], users = [admin, boss, worker, gone]): ImportContext => ({
    actor: { id: 'u-admin', roles: actorRoles },
    users,
    emailsTakenElsewhere: new Set(['other@x.de']),
    departments: [{ id: 'd-sales', name: 'Vertrieb' }],
    tracks: [
      { id: 't-lead', slug: 'leadership', enabled: true },
      { id: 't-sales', slug: 'sales', enabled: true },
      { id: 't-old', slug: 'legacy', enabled: false },
    ],
  });

  let line = 1;
  const row = (attrs: Partial<ImportRowInput> & { email: string }): ImportRowInput => ({
    line: ++line,
    firstName: 'Erika',
    lastName: 'Muster',
    department: '',
    track: '',
    managerEmail: '',
    roles: '',
    ...attrs,
  });
  beforeEach(() => (line = 1));

  const existingAsRow = (u: ExistingImportUser, attrs: Partial<ImportRowInput> = {}) =>
    row({
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      department: u.departmentId ? 'Vertrieb' : '',
      track: { 't-lead': 'leadership', 't-sales': 'sales' }[u.trackId ?? ''] ?? '',
      managerEmail: u.managerId === 'u-boss' ? 'boss@x.de' : '',
      roles: u.roles.join(','),
      ...attrs,
    });

  it('reports unchanged rows when the file matches what is stored', () => {
    const plan = planImport(
      [existingAsRow(boss), existingAsRow(worker, { email: 'WORKER@x.de', department: 'vertrieb' })],
      context(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
    expect(plan.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('plans creates and updates with the fields that change', () => {
    const plan = planImport(
      [
        existingAsRow(worker, { lastName: 'Neu', track: 'leadership', department: 'Einkauf' }),
        row({
          email: 'new@x.de',
          firstName: 'Jürgen',
          lastName: 'Größe',
          department: 'einkauf',
          track: 'Sales',
          managerEmail: 'worker@x.de',
        }),
      ],
      context(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.newDepartments).toEqual(['Einkauf']);
    const [updated, created] = plan.rows;
    expect(updated).toMatchObject({
      action: 'update',
      changes: ['last_name', 'department', 'track', 'roles'],
      roles: ['employee', 'manager'],
    });
    expect(created).toMatchObject({
      action: 'create',
      email: 'new@x.de',
      department: { id: null, name: 'Einkauf' },
      track: { id: 't-sales', slug: 'sales' },
      managerEmail: 'worker@x.de',
      roles: ['employee'],
    });
  });

  it('derives the manager role from the reporting lines of the file, whatever the cell says', () => {
    const plan = planImport(
      [
        row({ email: 'lead@x.de', roles: 'employee' }),
        row({ email: 'member@x.de', managerEmail: 'lead@x.de', roles: 'manager' }),
      ],
      context(),
    );
    expect(plan.rows.map((r) => r.roles)).toEqual([['employee', 'manager'], ['employee']]);
  });

  it('keeps stored values for columns the file does not have', () => {
    const only = { line: 2, email: 'worker@x.de', firstName: 'Erika', lastName: 'Muster' };
    const plan = planImport([only], context());
    expect(plan.rows[0]).toMatchObject({
      action: 'unchanged',
      managerEmail: 'boss@x.de',
      track: { slug: 'sales' },
      department: { id: 'd-sales' },
    });
  });

  it('reports every problem of a row with its line and column', () => {
    const plan = planImport(
      [
        row({ email: 'not-an-email', firstName: '' }),
        row({ email: 'a@x.de', track: 'marketing', roles: 'boss' }),
        row({ email: 'a@x.de' }),
        row({ email: 'other@x.de' }),
        row({ email: 'gone@x.de' }),
        row({ email: 'b@x.de', track: 'legacy', managerEmail: 'nobody@x.de' }),
        row({ email: 'c@x.de', managerEmail: 'gone@x.de' }),
        row({ email: 'd@x.de', managerEmail: 'd@x.de', department: 'x'.repeat(121) }),
      ],
      context(),
    );
    expect(plan.errors).toEqual([
      { line: 2, field: 'email', message: 'must be a valid e-mail address' },
      { line: 2, field: 'first_name', message: 'is required' },
      { line: 3, field: 'track', message: 'is not a known track (leadership, sales)' },
      { line: 3, field: 'roles', message: 'unknown role "boss" (use employee, manager, hr, admin)' },
      { line: 4, field: 'email', message: 'appears twice in the file (also on line 3)' },
      { line: 5, field: 'email', message: 'is already in use by another account' },
      { line: 6, field: 'email', message: 'belongs to a deactivated user; reactivate them first' },
      { line: 7, field: 'track', message: '"legacy" is disabled' },
      { line: 7, field: 'manager_email', message: 'is neither a user of this organisation nor a row of this file' },
      { line: 8, field: 'manager_email', message: 'is deactivated' },
      { line: 9, field: 'department', message: 'must be at most 120 characters' },
      { line: 9, field: 'manager_email', message: 'cannot be the person themself' },
    ]);
    expect(plan.rows.every((r) => r.action === 'error')).toBe(true);
  });

  it('finds reporting cycles within the file and through existing users', () => {
    const plan = planImport(
      [
        row({ email: 'p@x.de', managerEmail: 'q@x.de' }),
        row({ email: 'q@x.de', managerEmail: 'p@x.de' }),
        existingAsRow(boss, { managerEmail: 'worker@x.de' }),
        row({ email: 'fine@x.de', managerEmail: 'p@x.de' }),
      ],
      context(),
    );
    expect(plan.errors).toEqual([
      { line: 2, field: 'manager_email', message: 'would create a reporting cycle' },
      { line: 3, field: 'manager_email', message: 'would create a reporting cycle' },
      { line: 4, field: 'manager_email', message: 'would create a reporting cycle' },
    ]);
    expect(plan.rows[3]!.action).toBe('create');
  });

  it('HR may import employees and managers but not grant or remove hr/admin', () => {
    const hr: Role[] = ['hr', 'employee'];
    const plan = planImport(
      [
        row({ email: 'new-hr@x.de', roles: 'employee,hr' }),
        existingAsRow(admin, { roles: 'employee' }),
        existingAsRow(admin, { email: 'x@x.de', roles: 'manager' }),
      ],
      context(hr),
    );
    expect(plan.errors).toEqual([
      { line: 2, field: 'roles', message: 'only an admin may grant or remove the role hr' },
      { line: 3, field: 'roles', message: 'only an admin may grant or remove the role admin' },
      { line: 3, field: 'roles', message: 'would leave the organisation without an active admin' },
    ]);
    expect(plan.rows[2]).toMatchObject({ action: 'create', roles: ['employee'] });
    // A row that keeps an existing admin's roles is fine for HR.
    expect(planImport([existingAsRow(admin)], context(hr)).errors).toEqual([]);
  });

  it('an import cannot leave the organisation without an active admin', () => {
    const plan = planImport([existingAsRow(admin, { roles: 'employee' })], context());
    expect(plan.errors).toEqual([
      { line: 2, field: 'roles', message: 'would leave the organisation without an active admin' },
    ]);
  });
});
