import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ImportResult } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { badField, DomainError, notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { User } from './user.entity.js';
import { CsvFormatError, parseCsv, type ParsedCsv } from './csv.js';
import {
  IMPORT_MAX_BYTES,
  ImportFileError,
  mapHeader,
  planImport,
  readRows,
  type ImportContext,
  type ImportPlan,
  type ImportRowInput,
  type PlannedRow,
} from './users-import.policy.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

const departmentKey = (name: string) => name.trim().toLocaleLowerCase('de');

function toResult(plan: ImportPlan, csv: ParsedCsv, dryRun: boolean): ImportResult {
  return {
    dryRun,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    ...plan.counts,
    errors: plan.errors,
    preview: plan.rows.map((r) => ({
      line: r.line,
      email: r.email,
      action: r.action,
      firstName: r.firstName,
      lastName: r.lastName,
      department: r.department?.name ?? null,
      track: r.track?.slug ?? null,
      managerEmail: r.managerEmail,
      roles: r.roles,
      changes: r.changes,
    })),
    newDepartments: plan.newDepartments,
  };
}

// CSV import of users by HR or an admin (PRODUCT.md §1, §7). A dry run answers with the table of what
// each row would do and every row error; a real import re-plans inside one transaction (with the
// organisation locked) and writes everything or, if any row has an error, nothing (422).
@Injectable()
export class UsersImportService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: AuthUser, body: unknown, dryRun: boolean): Promise<ImportResult> {
    const { csv, rows } = this.read(body);
    return this.tx.run(async (em) => {
      const org = await this.organizations.lockOrganization(em, actor.organizationId);
      if (!org) throw notFound('Organisation');
      const plan = planImport(rows, await this.context(em, actor, rows));
      const result = toResult(plan, csv, dryRun);
      if (dryRun) return result;
      if (plan.errors.length) {
        const lines = new Set(plan.errors.map((e) => e.line)).size;
        throw new DomainError(
          'unprocessable',
          `${lines} row${lines === 1 ? ' has' : 's have'} errors; nothing was imported`,
          plan.errors.map((e) => ({ field: `line ${e.line}: ${e.field}`, message: e.message })),
        );
      }
      // Re-importing the same file changes nothing and writes nothing.
      if (plan.counts.created + plan.counts.updated > 0) await this.apply(em, org, actor, plan, csv);
      return result;
    });
  }

  /** The bytes as a table, or a 400 naming what is wrong with the file as a whole. */
  private read(body: unknown): { csv: ParsedCsv; rows: ImportRowInput[] } {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw badField('file', 'send the CSV file as the request body with Content-Type text/csv');
    }
    if (body.length > IMPORT_MAX_BYTES) throw badField('file', 'is larger than 5 MB');
    try {
      const csv = parseCsv(body);
      return { csv, rows: readRows(csv.records, mapHeader(csv.header)) };
    } catch (err) {
      if (err instanceof CsvFormatError) {
        const where = err.line ? ` (line ${err.line})` : '';
        throw badField('file', `${err.message}${where}`);
      }
      if (err instanceof ImportFileError) {
        throw new DomainError('validation_failed', `The file cannot be imported: ${err.message}`, err.issues);
      }
      throw err;
    }
  }

  private async context(em: EntityManager, actor: AuthUser, rows: ImportRowInput[]): Promise<ImportContext> {
    const users = await this.repo.importSnapshot(em, actor.organizationId);
    const ours = new Set(users.map((u) => u.email));
    const others = rows.map((r) => r.email.toLowerCase()).filter((e) => e && !ours.has(e));
    return {
      actor: { id: actor.id, roles: actor.roles },
      users,
      emailsTakenElsewhere: await this.repo.emailsOfOtherOrganizations(em, actor.organizationId, others),
      departments: await this.organizations.findDepartments(em, actor.organizationId),
      tracks: await this.organizations.findTracks(em, actor.organizationId),
    };
  }

  private async apply(
    em: EntityManager,
    org: Organization,
    actor: AuthUser,
    plan: ImportPlan,
    csv: ParsedCsv,
  ): Promise<void> {
    const organizationId = org.id;
    // Audit rows are collected and written in a few statements at the end (same transaction).
    const audit: AuditRecord[] = [];
    const record = (action: string, targetId: string, data: Record<string, unknown>, targetType = 'user') =>
      audit.push({
        organizationId,
        actorId: actor.id,
        action,
        targetType,
        targetId,
        data: { ...data, source: 'import' },
      });

    const departmentIds = new Map<string, string>();
    for (const name of plan.newDepartments) {
      const department = await this.organizations.createDepartment(em, organizationId, name);
      departmentIds.set(departmentKey(name), department.id);
      record('department.created', department.id, {}, 'department');
    }
    const departmentIdOf = (row: PlannedRow) =>
      row.department ? (row.department.id ?? departmentIds.get(departmentKey(row.department.name))!) : null;

    const snapshot = await this.repo.importSnapshot(em, organizationId);
    const existing = new Map(snapshot.map((u) => [u.id, u]));
    const idByEmail = new Map(snapshot.map((u) => [u.email, u.id]));

    // New people first, without managers (a row's manager may be another new row of the same file).
    const created = plan.rows.filter((r) => r.action === 'create');
    const newUsers = created.map((row) => ({
      id: randomUUID(),
      organizationId,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      roles: row.roles,
      trackId: row.track?.id ?? null,
      departmentId: departmentIdOf(row),
      managerId: null,
      language: null,
    }));
    await this.repo.insertUsers(em, newUsers);
    newUsers.forEach((u) => idByEmail.set(u.email, u.id));
    const managerIdOf = (row: PlannedRow) => (row.managerEmail ? idByEmail.get(row.managerEmail)! : null);

    const touchedManagers = new Set<string | null>();
    const newReports = new Map<string, string[]>();
    for (const row of created) {
      const id = idByEmail.get(row.email)!;
      const managerId = managerIdOf(row);
      if (managerId) newReports.set(managerId, [...(newReports.get(managerId) ?? []), id]);
      touchedManagers.add(managerId);
      record('user.created', id, {
        roles: row.roles,
        trackId: row.track?.id ?? null,
        departmentId: departmentIdOf(row),
        managerId,
      });
    }
    for (const [managerId, ids] of newReports) await this.repo.setManager(em, organizationId, ids, managerId);

    for (const row of plan.rows.filter((r) => r.action === 'update')) {
      const before = existing.get(row.existingId!)!;
      const patch: Partial<User> = {};
      if (row.changes.includes('first_name')) patch.firstName = row.firstName;
      if (row.changes.includes('last_name')) patch.lastName = row.lastName;
      if (row.changes.includes('department')) patch.departmentId = departmentIdOf(row);
      if (row.changes.includes('track')) patch.trackId = row.track?.id ?? null;
      if (row.changes.includes('manager_email')) patch.managerId = managerIdOf(row);
      if (row.changes.includes('roles')) patch.roles = row.roles;
      await this.repo.updateUser(em, organizationId, before.id, patch);

      if (patch.roles) record('user.roles_changed', before.id, { before: before.roles, after: patch.roles });
      if ('managerId' in patch) {
        touchedManagers.add(before.managerId).add(patch.managerId ?? null);
        record('user.manager_changed', before.id, { from: before.managerId, to: patch.managerId });
      }
      // Names stay out of the audit log: only which name fields changed.
      const fields = [
        ...(row.changes.includes('first_name') ? ['firstName'] : []),
        ...(row.changes.includes('last_name') ? ['lastName'] : []),
      ];
      if (fields.length || 'departmentId' in patch || 'trackId' in patch) {
        const data: Record<string, unknown> = { fields };
        if ('departmentId' in patch) data.departmentId = { from: before.departmentId, to: patch.departmentId };
        if ('trackId' in patch) data.trackId = { from: before.trackId, to: patch.trackId };
        record('user.updated', before.id, data);
      }
    }

    // People outside the file may have gained their first or lost their last report.
    await this.users.syncManagerRoles(em, organizationId, [...touchedManagers], actor.id);
    for (const user of newUsers) await this.users.invite(em, org, user);
    await this.audit.recordMany(em, [
      ...audit,
      {
        organizationId,
        actorId: actor.id,
        action: 'users.imported',
        targetType: 'organization',
        targetId: organizationId,
        data: {
          ...plan.counts,
          encoding: csv.encoding,
          delimiter: csv.delimiter,
          newDepartmentIds: [...departmentIds.values()],
        },
      },
    ]);
  }
}
