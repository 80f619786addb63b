import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Department } from '../src/organizations/department.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

describe('learning assignments by HR, with due-date notices', () => {
  let t: TestApp;
  let org: Organization;
  let hr: string;
  let employee: string;
  let deptId: string;
  const members: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-12-01T09:00:00Z'));
    const { content } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    const created = await createOrganization(t);
    org = created.org;
    deptId = created.department.id;
    hr = bearer(t, await createUser(t, { organizationId: org.id, roles: ['hr', 'employee'] }));
    for (let i = 0; i < 5; i++) {
      const u = await createUser(t, { organizationId: org.id, departmentId: deptId, firstName: `Person${i}` });
      members.push(u.id);
      if (i === 0) employee = bearer(t, u);
    }
  });
  afterAll(() => t.close());

  const assign = (body: object, as = hr) => t.http().post('/api/learning/assignments').set('authorization', as).send(body);

  it('only HR and admins assign, with clear errors for bad input', async () => {
    await assign({ pathSlug: 'sales', departmentId: deptId }, employee).expect(403);
    expect((await assign({ pathSlug: 'nope', departmentId: deptId }).expect(400)).body.details[0].field).toBe('pathSlug');
    expect((await assign({ pathSlug: 'sales' }).expect(400)).body.details[0].field).toBe('userIds');
    expect((await assign({ pathSlug: 'sales', departmentId: deptId, dueDate: '2026-02-30' }).expect(400)).body.details[0].field).toBe('dueDate');
    const { org: other } = await createOrganization(t);
    const stranger = await createUser(t, { organizationId: other.id });
    expect((await assign({ pathSlug: 'sales', userIds: [stranger.id] }).expect(400)).body.details[0].field).toBe('userIds');
    const otherDept = await t.ds.getRepository(Department).findOneByOrFail({ organizationId: other.id });
    expect((await assign({ pathSlug: 'sales', departmentId: otherDept.id }).expect(400)).body.details[0].field).toBe('departmentId');
  });

  it('assigns a department, notifies each person, and re-assigning only updates the date', async () => {
    expect((await assign({ pathSlug: 'sales', departmentId: deptId, dueDate: '2026-12-10' }).expect(201)).body).toEqual({ created: 5, updated: 0 });
    expect((await assign({ pathSlug: 'sales', userIds: [members[0]], dueDate: '2026-12-10' }).expect(201)).body).toEqual({ created: 0, updated: 1 });
    const notes = await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE type = 'path_assigned'`);
    expect(notes[0].n).toBe(5);
    const mine = await t.http().get('/api/learning/paths').set('authorization', employee).expect(200);
    expect(mine.body.items[0]).toMatchObject({ slug: 'sales', assigned: true, dueDate: '2026-12-10' });
  });

  it('HR sees counts per department (individuals only when the organisation allows it)', async () => {
    const counts = await t.http().get('/api/learning/assignments').set('authorization', hr).expect(200);
    expect(counts.body).toMatchObject({ individualsVisible: false, people: null });
    expect(counts.body.departments).toEqual([
      expect.objectContaining({ departmentName: 'Vertrieb', pathSlug: 'sales', total: 5, counts: { not_started: 5, in_progress: 0, complete: 0, overdue: 0 } }),
    ]);
    await t.ds.getRepository(Organization).update(org.id, { privacyThreshold: 6 });
    const small = await t.http().get('/api/learning/assignments').set('authorization', hr).expect(200);
    expect(small.body.departments[0]).toMatchObject({ total: null, counts: null });
    await t.ds.getRepository(Organization).update(org.id, { privacyThreshold: 5, hrSeesIndividuals: true });
    const people = await t.http().get('/api/learning/assignments').set('authorization', hr).expect(200);
    expect(people.body.people).toHaveLength(5);
    expect(people.body.people[0]).toMatchObject({ status: 'not_started', dueDate: '2026-12-10' });
    await t.http().get('/api/learning/assignments').set('authorization', employee).expect(403);
  });

  it('sends 7-day, 1-day and overdue notices once each, in the organisation’s time zone', async () => {
    const runner = t.app.get(JobRunner);
    const notices = async () =>
      (await t.ds.query(`SELECT data->>'notice' AS notice, count(*)::int AS n FROM notifications WHERE type IN ('assignment_due', 'assignment_overdue') GROUP BY 1 ORDER BY 1`)) as { notice: string; n: number }[];
    await runner.runDue('learning.assignment-due');
    expect(await notices()).toEqual([]);
    t.clock.set(new Date('2026-12-03T08:00:00Z'));
    await runner.runDue('learning.assignment-due');
    expect(await notices()).toEqual([{ notice: 'due_in_7_days', n: 5 }]);
    t.clock.set(new Date('2026-12-03T20:00:00Z'));
    await runner.runDue('learning.assignment-due');
    expect(await notices()).toEqual([{ notice: 'due_in_7_days', n: 5 }]);
    // 23:30 UTC on the 8th is already the 9th in Berlin: one day before the due date.
    t.clock.set(new Date('2026-12-08T23:30:00Z'));
    await runner.runDue('learning.assignment-due');
    expect(await notices()).toEqual([{ notice: 'due_in_1_day', n: 5 }, { notice: 'due_in_7_days', n: 5 }]);
    t.clock.set(new Date('2026-12-11T08:00:00Z'));
    await runner.runDue('learning.assignment-due');
    expect(await notices()).toContainEqual({ notice: 'overdue', n: 5 });
    const mails = await t.ds.query(`SELECT subject FROM outbound_emails WHERE subject LIKE 'Überfällig%'`);
    expect(mails).toHaveLength(5);
    const overview = await t.http().get('/api/learning/assignments').set('authorization', hr).expect(200);
    expect(overview.body.departments[0].counts.overdue).toBe(5);
  });
});
