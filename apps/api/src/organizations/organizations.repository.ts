import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Department as DepartmentView, Track as TrackView } from '@freiraum/contracts';
import { Organization } from './organization.entity.js';
import { Track } from './track.entity.js';
import { Department } from './department.entity.js';

// All SQL about the organisation, its tracks and departments. Every query is scoped by organisation id.
@Injectable()
export class OrganizationsRepository {
  findOrganization(em: EntityManager, organizationId: string): Promise<Organization | null> {
    return em.findOne(Organization, { where: { id: organizationId } });
  }

  /** Serialises changes to an organisation's people and settings (reporting lines, last admin, imports). */
  async lockOrganization(em: EntityManager, organizationId: string): Promise<Organization | null> {
    return em.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async updateOrganization(em: EntityManager, organizationId: string, patch: Partial<Organization>): Promise<void> {
    await em.update(Organization, { id: organizationId }, patch as never);
  }

  /** Tracks in their display order, with the number of active users on each. */
  async listTracks(em: EntityManager, organizationId: string): Promise<TrackView[]> {
    const rows: Array<TrackView & { position: number }> = await em.query(
      `SELECT t.id, t.slug, t.name_de AS "nameDe", t.name_en AS "nameEn", t.enabled,
              (SELECT count(*)::int FROM users u
                WHERE u.track_id = t.id AND u.organization_id = t.organization_id AND u.active) AS "userCount"
         FROM tracks t
        WHERE t.organization_id = $1
        ORDER BY t.position, t.slug`,
      [organizationId],
    );
    return rows;
  }

  findTracks(em: EntityManager, organizationId: string): Promise<Track[]> {
    return em.find(Track, { where: { organizationId }, order: { position: 'ASC' } });
  }

  findTrack(em: EntityManager, organizationId: string, id: string): Promise<Track | null> {
    return em.findOne(Track, { where: { id, organizationId } });
  }

  findTrackBySlug(em: EntityManager, organizationId: string, slug: string): Promise<Track | null> {
    return em.findOne(Track, { where: { slug: slug.toLowerCase(), organizationId } });
  }

  async updateTrack(em: EntityManager, organizationId: string, id: string, patch: Partial<Track>): Promise<void> {
    await em.update(Track, { id, organizationId }, patch as never);
  }

  /** Departments by name, with the number of active users in each. */
  async listDepartments(em: EntityManager, organizationId: string): Promise<DepartmentView[]> {
    return em.query(
      `SELECT d.id, d.name,
              (SELECT count(*)::int FROM users u
                WHERE u.department_id = d.id AND u.organization_id = d.organization_id AND u.active) AS "userCount"
         FROM departments d
        WHERE d.organization_id = $1
        ORDER BY lower(d.name), d.id`,
      [organizationId],
    );
  }

  findDepartments(em: EntityManager, organizationId: string): Promise<Department[]> {
    return em.find(Department, { where: { organizationId } });
  }

  findDepartment(em: EntityManager, organizationId: string, id: string): Promise<Department | null> {
    return em.findOne(Department, { where: { id, organizationId } });
  }

  /** Names are compared case-insensitively, so "Vertrieb" and "vertrieb" are one department. */
  async findDepartmentByName(em: EntityManager, organizationId: string, name: string): Promise<Department | null> {
    return em
      .createQueryBuilder(Department, 'd')
      .where('d.organization_id = :organizationId AND lower(d.name) = lower(:name)', {
        organizationId,
        name: name.trim(),
      })
      .getOne();
  }

  async createDepartment(em: EntityManager, organizationId: string, name: string): Promise<Department> {
    const result = await em.insert(Department, { organizationId, name: name.trim() });
    return { id: result.identifiers[0]!.id as string, organizationId, name: name.trim() };
  }
}
