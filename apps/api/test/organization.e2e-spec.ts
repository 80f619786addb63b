import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';
import type { User } from '../src/users/user.entity.js';
import type { Track } from '../src/organizations/track.entity.js';
import { AuditLogEntry } from '../src/audit/audit-log.entity.js';

describe('organisation settings, AI policy, tracks and departments', () => {
  let t: TestApp;
  let admin: User;
  let hr: User;
  let employee: User;
  let tracks: Track[];
  let otherAdmin: User;
  let otherTracks: Track[];

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganization(t, { name: 'Muster GmbH' });
    tracks = a.tracks;
    admin = await createUser(t, { organizationId: a.org.id, roles: ['admin', 'employee'] });
    hr = await createUser(t, { organizationId: a.org.id, roles: ['hr', 'employee'] });
    employee = await createUser(t, { organizationId: a.org.id, trackId: tracks[1]!.id, departmentId: a.department.id });
    const b = await createOrganization(t, { name: 'Andere AG', timeZone: 'Europe/Vienna' });
    otherTracks = b.tracks;
    otherAdmin = await createUser(t, { organizationId: b.org.id, roles: ['admin', 'employee'] });
  });
  afterAll(() => t.close());

  const auditOf = (user: User, action: string) =>
    t.ds
      .getRepository(AuditLogEntry)
      .find({ where: { organizationId: user.organizationId, action }, order: { id: 'ASC' } });

  describe('settings', () => {
    it('an admin reads the settings of their own organisation', async () => {
      const res = await t.http().get('/api/organization/settings').set('Authorization', bearer(t, admin)).expect(200);
      expect(res.body).toEqual({
        id: admin.organizationId,
        name: 'Muster GmbH',
        timeZone: 'Europe/Berlin',
        defaultLanguage: 'de',
        privacyThreshold: 5,
        hrSeesIndividuals: false,
        managersSeeLastActivity: false,
        aiPolicy: { tools: [], rules: '' },
      });
      const other = await t
        .http()
        .get('/api/organization/settings')
        .set('Authorization', bearer(t, otherAdmin))
        .expect(200);
      expect(other.body).toMatchObject({ name: 'Andere AG', timeZone: 'Europe/Vienna' });
    });

    it.each([
      ['employee', () => employee],
      ['hr', () => hr],
    ])('%s may not read or change settings (403)', async (_role, who) => {
      await t.http().get('/api/organization/settings').set('Authorization', bearer(t, who())).expect(403);
      await t
        .http()
        .patch('/api/organization/settings')
        .set('Authorization', bearer(t, who()))
        .send({ privacyThreshold: 3 })
        .expect(403);
    });

    it('needs sign-in', async () => {
      await t.http().get('/api/organization/settings').expect(401);
    });

    it('an admin changes settings; the change is audit-logged with its values', async () => {
      const res = await t
        .http()
        .patch('/api/organization/settings')
        .set('Authorization', bearer(t, admin))
        .send({ timeZone: 'America/New_York', privacyThreshold: 7, hrSeesIndividuals: true, defaultLanguage: 'en' })
        .expect(200);
      expect(res.body).toMatchObject({
        timeZone: 'America/New_York',
        privacyThreshold: 7,
        hrSeesIndividuals: true,
        defaultLanguage: 'en',
      });
      const again = await t.http().get('/api/organization/settings').set('Authorization', bearer(t, admin)).expect(200);
      expect(again.body.privacyThreshold).toBe(7);

      const [entry] = await auditOf(admin, 'organization.settings_changed');
      expect(entry).toMatchObject({
        actorId: admin.id,
        targetType: 'organization',
        targetId: admin.organizationId,
        data: {
          fields: ['timeZone', 'defaultLanguage', 'privacyThreshold', 'hrSeesIndividuals'],
          changes: {
            timeZone: { from: 'Europe/Berlin', to: 'America/New_York' },
            privacyThreshold: { from: 5, to: 7 },
            hrSeesIndividuals: { from: false, to: true },
            defaultLanguage: { from: 'de', to: 'en' },
          },
        },
      });
      // The other organisation is untouched.
      const other = await t
        .http()
        .get('/api/organization/settings')
        .set('Authorization', bearer(t, otherAdmin))
        .expect(200);
      expect(other.body.privacyThreshold).toBe(5);
    });

    it('a patch that changes nothing writes no audit row', async () => {
      const before = (await auditOf(admin, 'organization.settings_changed')).length;
      await t
        .http()
        .patch('/api/organization/settings')
        .set('Authorization', bearer(t, admin))
        .send({ privacyThreshold: 7 })
        .expect(200);
      expect(await auditOf(admin, 'organization.settings_changed')).toHaveLength(before);
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA/],
      [{ privacyThreshold: 1 }, 'privacyThreshold', /2/],
      [{ privacyThreshold: 101 }, 'privacyThreshold', /100/],
      [{ privacyThreshold: 5.5 }, 'privacyThreshold', /int/],
      [{ defaultLanguage: 'fr' }, 'defaultLanguage', /de|en/],
      [{ name: '' }, 'name', /.+/],
      [{ hrSeesIndividuals: 'yes' }, 'hrSeesIndividuals', /boolean/],
      [{ colour: 'blue' }, 'colour', /not an allowed field/],
    ])('rejects %j with a 400 naming the field', async (body, field, message) => {
      const res = await t
        .http()
        .patch('/api/organization/settings')
        .set('Authorization', bearer(t, admin))
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
      expect(res.body.details).toEqual([{ field, message: expect.stringMatching(message) }]);
    });
  });

  describe('AI policy', () => {
    const policy = {
      tools: [
        {
          id: 'company-gpt',
          name: 'Company GPT',
          allowedDataClasses: ['public', 'internal', 'confidential'],
          note: 'EU hosting',
        },
        { id: 'deepl', name: 'DeepL Pro', allowedDataClasses: ['public', 'internal'] },
      ],
      rules: 'Keine personenbezogenen Daten in externe Tools.',
    };

    it('every member reads their organisation’s policy', async () => {
      const res = await t
        .http()
        .get('/api/organization/ai-policy')
        .set('Authorization', bearer(t, employee))
        .expect(200);
      expect(res.body).toEqual({ tools: [], rules: '' });
    });

    it('an admin replaces it; members see it, other organisations do not; audit row with tool ids', async () => {
      const res = await t
        .http()
        .put('/api/organization/ai-policy')
        .set('Authorization', bearer(t, admin))
        .send(policy)
        .expect(200);
      expect(res.body.tools[1]).toEqual({ ...policy.tools[1], note: '' });
      const read = await t
        .http()
        .get('/api/organization/ai-policy')
        .set('Authorization', bearer(t, employee))
        .expect(200);
      expect(read.body.tools.map((tool: { id: string }) => tool.id)).toEqual(['company-gpt', 'deepl']);
      const other = await t
        .http()
        .get('/api/organization/ai-policy')
        .set('Authorization', bearer(t, otherAdmin))
        .expect(200);
      expect(other.body.tools).toEqual([]);

      const [entry] = await auditOf(admin, 'organization.ai_policy_changed');
      expect(entry!.data).toMatchObject({
        toolIds: ['company-gpt', 'deepl'],
        addedToolIds: ['company-gpt', 'deepl'],
        removedToolIds: [],
        rulesChanged: true,
      });
    });

    it.each([
      ['employee', () => employee],
      ['hr', () => hr],
    ])('%s may not change it (403)', async (_role, who) => {
      await t.http().put('/api/organization/ai-policy').set('Authorization', bearer(t, who())).send(policy).expect(403);
    });

    it.each([
      [{ ...policy, tools: [policy.tools[0], { ...policy.tools[1], id: 'company-gpt' }] }, 'tools.1.id', /twice/],
      [
        { ...policy, tools: [{ ...policy.tools[0], allowedDataClasses: ['secret'] }] },
        'tools.0.allowedDataClasses.0',
        /.+/,
      ],
      [{ ...policy, tools: [{ ...policy.tools[0], id: 'Has Spaces' }] }, 'tools.0.id', /lower-case/],
      [{ ...policy, extra: 1 }, 'extra', /not an allowed field/],
      [{ rules: 'x' }, 'tools', /required|expected/],
    ])('rejects an invalid policy with a 400 naming the field (%#)', async (body, field, message) => {
      const res = await t
        .http()
        .put('/api/organization/ai-policy')
        .set('Authorization', bearer(t, admin))
        .send(body)
        .expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    });
  });

  describe('tracks', () => {
    it('every member lists the tracks, enabled and disabled, with active user counts', async () => {
      const res = await t.http().get('/api/tracks').set('Authorization', bearer(t, employee)).expect(200);
      expect(res.body.map((tr: { slug: string }) => tr.slug)).toEqual([
        'leadership',
        'sales',
        'translation',
        'administration',
      ]);
      expect(res.body[1]).toEqual({
        id: tracks[1]!.id,
        slug: 'sales',
        nameDe: 'sales',
        nameEn: 'sales',
        enabled: true,
        userCount: 1,
      });
    });

    it('an admin disables and enables a track; each change is audit-logged', async () => {
      const id = tracks[2]!.id;
      const off = await t
        .http()
        .patch(`/api/tracks/${id}`)
        .set('Authorization', bearer(t, admin))
        .send({ enabled: false })
        .expect(200);
      expect(off.body).toMatchObject({ id, slug: 'translation', enabled: false });
      await t
        .http()
        .patch(`/api/tracks/${id}`)
        .set('Authorization', bearer(t, admin))
        .send({ enabled: true })
        .expect(200);
      const entries = await auditOf(admin, 'track.updated');
      expect(entries.map((e) => [e.targetId, e.data])).toEqual([
        [id, { slug: 'translation', enabled: { from: true, to: false } }],
        [id, { slug: 'translation', enabled: { from: false, to: true } }],
      ]);
    });

    it('a track of another organisation is not found (404), an unknown one neither', async () => {
      await t
        .http()
        .patch(`/api/tracks/${otherTracks[0]!.id}`)
        .set('Authorization', bearer(t, admin))
        .send({ enabled: false })
        .expect(404);
      await t
        .http()
        .patch('/api/tracks/00000000-0000-4000-8000-000000000000')
        .set('Authorization', bearer(t, admin))
        .send({ enabled: false })
        .expect(404);
      const other = await t.http().get('/api/tracks').set('Authorization', bearer(t, otherAdmin)).expect(200);
      expect(other.body.every((tr: { enabled: boolean }) => tr.enabled)).toBe(true);
    });

    it('only admins change tracks, with a valid body and id', async () => {
      await t
        .http()
        .patch(`/api/tracks/${tracks[0]!.id}`)
        .set('Authorization', bearer(t, hr))
        .send({ enabled: false })
        .expect(403);
      const bad = await t
        .http()
        .patch(`/api/tracks/${tracks[0]!.id}`)
        .set('Authorization', bearer(t, admin))
        .send({ enabled: false, slug: 'x' })
        .expect(400);
      expect(bad.body.details).toEqual([{ field: 'slug', message: 'is not an allowed field' }]);
      const noId = await t
        .http()
        .patch('/api/tracks/not-a-uuid')
        .set('Authorization', bearer(t, admin))
        .send({ enabled: false })
        .expect(400);
      expect(noId.body.details[0].field).toBe('id');
      const missing = await t
        .http()
        .patch(`/api/tracks/${tracks[0]!.id}`)
        .set('Authorization', bearer(t, admin))
        .send({})
        .expect(400);
      expect(missing.body.details).toEqual([{ field: 'enabled', message: 'is required' }]);
    });
  });

  describe('departments', () => {
    it('every member lists departments with active user counts', async () => {
      const res = await t.http().get('/api/departments').set('Authorization', bearer(t, employee)).expect(200);
      expect(res.body).toEqual([{ id: employee.departmentId, name: 'Vertrieb', userCount: 1 }]);
    });

    it('HR and admins create departments (201), audit-logged', async () => {
      const res = await t
        .http()
        .post('/api/departments')
        .set('Authorization', bearer(t, hr))
        .send({ name: '  Einkauf ' })
        .expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Einkauf', userCount: 0 });
      await t
        .http()
        .post('/api/departments')
        .set('Authorization', bearer(t, admin))
        .send({ name: 'Produktion' })
        .expect(201);
      const list = await t.http().get('/api/departments').set('Authorization', bearer(t, admin)).expect(200);
      expect(list.body.map((d: { name: string }) => d.name)).toEqual(['Einkauf', 'Produktion', 'Vertrieb']);
      const [entry] = await auditOf(admin, 'department.created');
      expect(entry).toMatchObject({ actorId: hr.id, targetId: res.body.id });
      const other = await t.http().get('/api/departments').set('Authorization', bearer(t, otherAdmin)).expect(200);
      expect(other.body.map((d: { name: string }) => d.name)).toEqual(['Vertrieb']);
    });

    it('refuses a duplicate name, whatever its case (409 naming the field)', async () => {
      const res = await t
        .http()
        .post('/api/departments')
        .set('Authorization', bearer(t, admin))
        .send({ name: 'VERTRIEB' })
        .expect(409);
      expect(res.body.details).toEqual([{ field: 'name', message: 'is already used by another department' }]);
    });

    it('employees may not create departments; the name is validated', async () => {
      await t.http().post('/api/departments').set('Authorization', bearer(t, employee)).send({ name: 'X' }).expect(403);
      const empty = await t
        .http()
        .post('/api/departments')
        .set('Authorization', bearer(t, admin))
        .send({ name: '   ' })
        .expect(400);
      expect(empty.body.details[0].field).toBe('name');
      const extra = await t
        .http()
        .post('/api/departments')
        .set('Authorization', bearer(t, admin))
        .send({ name: 'Y', id: 'x' })
        .expect(400);
      expect(extra.body.details).toEqual([{ field: 'id', message: 'is not an allowed field' }]);
    });
  });

  it('documents every route in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/organization/settings',
        '/api/organization/ai-policy',
        '/api/tracks',
        '/api/tracks/{id}',
        '/api/departments',
      ]),
    );
    expect(res.body.paths['/api/organization/settings'].patch.requestBody).toBeDefined();
  });
});
