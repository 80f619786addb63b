import {
  DEPARTMENT_NAME_MAX,
  email as emailSchema,
  IMPORT_COLUMNS,
  personName,
  ROLES,
  type ImportAction,
  type ImportRowError,
  type Role,
} from '@freiraum/contracts';
import type { CsvRecord } from './csv.js';
import { deriveRoles, nodesOnCycles, privilegedRoleChanges, sameRoles } from './users.policy.js';

// The CSV user import as pure functions: header → rows → a plan (per row: create / update / unchanged /
// error, with the complete target state). The service loads the context, and writes the plan only when it
// has no errors at all (all-or-nothing).

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: ImportColumn[] = ['email', 'first_name', 'last_name'];

export interface FileIssue {
  field: string;
  message: string;
}

/** The file as a whole cannot be read as an import (no table can be shown). */
export class ImportFileError extends Error {
  constructor(readonly issues: FileIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'ImportFileError';
  }
}

const isImportColumn = (name: string): name is ImportColumn => (IMPORT_COLUMNS as readonly string[]).includes(name);

/** Column positions by name. Names are case-insensitive ("First Name" works too); order is free. */
export function mapHeader(header: CsvRecord): Map<ImportColumn, number> {
  const issues: FileIssue[] = [];
  const columns = new Map<ImportColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    // Excel adds unnamed columns when a cell beside the table was ever touched.
    if (name === '') return;
    if (!isImportColumn(name)) {
      issues.push({
        field: 'header',
        message: `unknown column "${cell.trim()}" (expected: ${IMPORT_COLUMNS.join(', ')})`,
      });
    } else if (columns.has(name)) {
      issues.push({ field: 'header', message: `column "${name}" appears twice` });
    } else {
      columns.set(name, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) issues.push({ field: 'header', message: `column "${column}" is missing` });
  }
  if (issues.length) throw new ImportFileError(issues);
  return columns;
}

export interface ImportRowInput {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  /** `undefined`: the file has no such column, so the stored value stays. */
  department?: string;
  track?: string;
  managerEmail?: string;
  roles?: string;
}

/** Cells are trimmed and otherwise kept as written: `=Müller` is a name here, not a formula. */
export function readRows(records: CsvRecord[], columns: Map<ImportColumn, number>): ImportRowInput[] {
  if (records.length === 0)
    throw new ImportFileError([{ field: 'file', message: 'contains no rows below the header' }]);
  if (records.length > IMPORT_MAX_ROWS) {
    throw new ImportFileError([
      { field: 'file', message: `has ${records.length} rows; at most ${IMPORT_MAX_ROWS} are allowed` },
    ]);
  }
  return records.map(({ line, cells }) => {
    const cell = (column: ImportColumn) => {
      const index = columns.get(column);
      return index === undefined ? undefined : (cells[index] ?? '').trim();
    };
    return {
      line,
      email: cell('email') ?? '',
      firstName: cell('first_name') ?? '',
      lastName: cell('last_name') ?? '',
      department: cell('department'),
      track: cell('track'),
      managerEmail: cell('manager_email'),
      roles: cell('roles'),
    };
  });
}

/** `employee`, `manager`, `hr`, `admin`, separated by `,`, `|` or spaces; empty → employee. */
export function parseRoles(cell: string): { roles: Role[]; unknown: string[] } {
  const tokens = cell
    .toLowerCase()
    .split(/[\s,|;]+/)
    .filter(Boolean);
  const unknown = tokens.filter((t) => !(ROLES as readonly string[]).includes(t));
  const roles = tokens.filter((t): t is Role => (ROLES as readonly string[]).includes(t));
  return { roles: roles.length || unknown.length ? [...new Set(roles)] : ['employee'], unknown };
}

export interface ExistingImportUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  departmentId: string | null;
  trackId: string | null;
  managerId: string | null;
  active: boolean;
}

export interface ImportContext {
  actor: { id: string; roles: Role[] };
  /** Every user of the caller's organisation. */
  users: ExistingImportUser[];
  /** E-mails of the file that belong to accounts of other organisations (addresses are unique system-wide). */
  emailsTakenElsewhere: ReadonlySet<string>;
  departments: { id: string; name: string }[];
  tracks: { id: string; slug: string; enabled: boolean }[];
}

export interface PlannedRow {
  line: number;
  email: string;
  action: ImportAction;
  firstName: string;
  lastName: string;
  /** `id: null` → the import creates this department. */
  department: { id: string | null; name: string } | null;
  track: { id: string; slug: string } | null;
  managerEmail: string | null;
  roles: Role[];
  /** Column names whose value changes (for `update`). */
  changes: ImportColumn[];
  existingId: string | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: ImportRowError[];
  /** Departments to create, spelled as first written in the file. */
  newDepartments: string[];
  counts: { rows: number; created: number; updated: number; unchanged: number };
}

const departmentKey = (name: string) => name.trim().toLocaleLowerCase('de');

function firstIssue(schema: typeof personName | typeof emailSchema, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'is invalid');
}

/** Validates every row against the organisation and the rest of the file, and says what each row does. */
export function planImport(input: ImportRowInput[], ctx: ImportContext): ImportPlan {
  const errors: ImportRowError[] = [];
  const fail = (line: number, field: ImportColumn | 'row', message: string) => errors.push({ line, field, message });

  const usersByEmail = new Map(ctx.users.map((u) => [u.email, u]));
  const usersById = new Map(ctx.users.map((u) => [u.id, u]));
  const emailOfId = (id: string | null) => (id ? (usersById.get(id)?.email ?? null) : null);
  const departmentsByKey = new Map(ctx.departments.map((d) => [departmentKey(d.name), d]));
  const departmentsById = new Map(ctx.departments.map((d) => [d.id, d]));
  const tracksBySlug = new Map(ctx.tracks.map((t) => [t.slug.toLowerCase(), t]));
  const tracksById = new Map(ctx.tracks.map((t) => [t.id, t]));
  const enabledSlugs = ctx.tracks.filter((t) => t.enabled).map((t) => t.slug);

  // Pass 1: each row on its own.
  const firstLineOfEmail = new Map<string, number>();
  const newDepartments = new Map<string, string>();
  const rows = input.map((row) => {
    const email = row.email.toLowerCase();
    let usable = true; // false → the row cannot take part in the reporting lines at all
    const emailProblem = row.email === '' ? 'is required' : firstIssue(emailSchema, row.email);
    const existing = usersByEmail.get(email) ?? null;
    if (emailProblem) {
      fail(row.line, 'email', emailProblem);
      usable = false;
    } else if (firstLineOfEmail.has(email)) {
      fail(row.line, 'email', `appears twice in the file (also on line ${firstLineOfEmail.get(email)})`);
      usable = false;
    } else if (ctx.emailsTakenElsewhere.has(email)) {
      fail(row.line, 'email', 'is already in use by another account');
      usable = false;
    } else if (existing && !existing.active) {
      fail(row.line, 'email', 'belongs to a deactivated user; reactivate them first');
      usable = false;
    }
    if (usable) firstLineOfEmail.set(email, row.line);

    for (const [field, value] of [
      ['first_name', row.firstName],
      ['last_name', row.lastName],
    ] as const) {
      const problem = value === '' ? 'is required' : firstIssue(personName, value);
      if (problem) fail(row.line, field, problem);
    }

    let department: PlannedRow['department'];
    if (row.department === undefined) {
      const stored = existing?.departmentId ? departmentsById.get(existing.departmentId) : undefined;
      department = stored ? { id: stored.id, name: stored.name } : null;
    } else if (row.department === '') {
      department = null;
    } else if (row.department.length > DEPARTMENT_NAME_MAX) {
      fail(row.line, 'department', `must be at most ${DEPARTMENT_NAME_MAX} characters`);
      department = null;
    } else {
      const key = departmentKey(row.department);
      const stored = departmentsByKey.get(key);
      if (!stored && !newDepartments.has(key)) newDepartments.set(key, row.department);
      department = stored ? { id: stored.id, name: stored.name } : { id: null, name: newDepartments.get(key)! };
    }

    let track: PlannedRow['track'] = null;
    if (row.track === undefined) {
      const stored = existing?.trackId ? tracksById.get(existing.trackId) : undefined;
      track = stored ? { id: stored.id, slug: stored.slug } : null;
    } else if (row.track !== '') {
      const found = tracksBySlug.get(row.track.toLowerCase());
      if (!found) fail(row.line, 'track', `is not a known track (${enabledSlugs.join(', ')})`);
      else if (!found.enabled && found.id !== existing?.trackId) fail(row.line, 'track', `"${found.slug}" is disabled`);
      else track = { id: found.id, slug: found.slug };
    }

    let requestedRoles = existing?.roles ?? (['employee'] as Role[]);
    if (row.roles !== undefined) {
      const { roles, unknown } = parseRoles(row.roles);
      if (unknown.length) fail(row.line, 'roles', `unknown role "${unknown.join('", "')}" (use ${ROLES.join(', ')})`);
      requestedRoles = roles;
    }

    return { row, email, usable, existing, department, track, requestedRoles };
  });

  // Pass 2: reporting lines, resolved across the organisation and the file together.
  const rowsByEmail = new Map(rows.filter((r) => r.usable).map((r) => [r.email, r]));
  const managerOf = new Map<string, string | null>();
  for (const user of ctx.users) {
    if (!user.active) continue;
    const manager = user.managerId ? usersById.get(user.managerId) : undefined;
    managerOf.set(user.email, manager?.active ? manager.email : null);
  }
  const managerEmailOf = new Map<(typeof rows)[number], string | null>();
  for (const r of rows) {
    let managerEmail = r.existing ? emailOfId(r.existing.managerId) : null;
    const cell = r.row.managerEmail;
    if (cell !== undefined) {
      const wanted = cell.toLowerCase();
      const known = usersByEmail.get(wanted);
      let problem: string | null = null;
      if (wanted === '') managerEmail = null;
      else if (firstIssue(emailSchema, cell)) problem = 'must be a valid e-mail address';
      else if (wanted === r.email) problem = 'cannot be the person themself';
      else if (known && !known.active) problem = 'is deactivated';
      else if (!known && !rowsByEmail.has(wanted))
        problem = 'is neither a user of this organisation nor a row of this file';
      if (problem) fail(r.row.line, 'manager_email', problem);
      else managerEmail = wanted === '' ? null : wanted;
    }
    managerEmailOf.set(r, managerEmail);
    if (r.usable) managerOf.set(r.email, managerEmail);
  }
  const onCycle = nodesOnCycles(managerOf);
  for (const r of rows) {
    if (r.usable && onCycle.has(r.email)) fail(r.row.line, 'manager_email', 'would create a reporting cycle');
  }
  const reportCount = new Map<string, number>();
  for (const manager of managerOf.values()) if (manager) reportCount.set(manager, (reportCount.get(manager) ?? 0) + 1);

  // Pass 3: roles (with `manager` derived from the lines above) and who may change them.
  const actorIsAdmin = ctx.actor.roles.includes('admin');
  const finalRoles = new Map(rows.map((r) => [r, deriveRoles(r.requestedRoles, (reportCount.get(r.email) ?? 0) > 0)]));
  for (const r of rows) {
    const changed = privilegedRoleChanges(r.existing?.roles ?? [], finalRoles.get(r)!);
    if (changed.length && !actorIsAdmin) {
      fail(r.row.line, 'roles', `only an admin may grant or remove the role ${changed.join(' or ')}`);
    }
  }
  const adminsBefore = ctx.users.filter((u) => u.active && u.roles.includes('admin'));
  const adminsAfter = new Set(adminsBefore.map((u) => u.email));
  for (const r of rows) {
    if (!r.usable) continue;
    if (finalRoles.get(r)!.includes('admin')) adminsAfter.add(r.email);
    else adminsAfter.delete(r.email);
  }
  if (adminsBefore.length > 0 && adminsAfter.size === 0) {
    for (const r of rows) {
      if (r.existing?.roles.includes('admin'))
        fail(r.row.line, 'roles', 'would leave the organisation without an active admin');
    }
  }

  // Pass 4: what each row does.
  const linesWithErrors = new Set(errors.map((e) => e.line));
  const planned: PlannedRow[] = rows.map((r) => {
    const managerEmail = managerEmailOf.get(r) ?? null;
    const roles = finalRoles.get(r)!;
    const changes: ImportColumn[] = [];
    if (r.existing) {
      const e = r.existing;
      if (e.firstName !== r.row.firstName) changes.push('first_name');
      if (e.lastName !== r.row.lastName) changes.push('last_name');
      if ((r.department?.id ?? null) !== e.departmentId || (r.department && !r.department.id))
        changes.push('department');
      if ((r.track?.id ?? null) !== e.trackId) changes.push('track');
      if (managerEmail !== emailOfId(e.managerId)) changes.push('manager_email');
      if (!sameRoles(roles, e.roles)) changes.push('roles');
    }
    const action: ImportAction = linesWithErrors.has(r.row.line)
      ? 'error'
      : !r.existing
        ? 'create'
        : changes.length
          ? 'update'
          : 'unchanged';
    return {
      line: r.row.line,
      email: r.email,
      action,
      firstName: r.row.firstName,
      lastName: r.row.lastName,
      department: r.department,
      track: r.track,
      managerEmail,
      roles,
      changes,
      existingId: r.existing?.id ?? null,
    };
  });

  errors.sort((a, b) => a.line - b.line);
  const count = (action: ImportAction) => planned.filter((p) => p.action === action).length;
  return {
    rows: planned,
    errors,
    newDepartments: [...newDepartments.values()],
    counts: { rows: planned.length, created: count('create'), updated: count('update'), unchanged: count('unchanged') },
  };
}
