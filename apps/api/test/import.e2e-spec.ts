import iconv from 'iconv-lite';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser, uniqueEmail } from './support/factories.js';
import { User } from '../src/users/user.entity.js';
import { Department } from '../src/organizations/department.entity.js';
import { AuditLogEntry } from '../src/audit/audit-log.entity.js';
import { OutboundEmail } from '../src/notifications/outbound-email.entity.js';
import { OneTimeToken } from '../src/auth/one-time-token.entity.js';

const HEADER = 'email;first_name;last_name;department;track;manager_email;roles';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
const win1252 = (text: string) => iconv.encode(text, 'windows-1252');
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('users: CSV import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function world() {
    const a = await createOrganization(t, { name: 'Muster GmbH' });
    const admin = await createUser(t, { organizationId: a.org.id, roles: ['admin', 'employee'] });
    const hr = await createUser(t, { organizationId: a.org.id, roles: ['hr', 'employee'] });
    const employee = await createUser(t, { organizationId: a.org.id });
    const b = await createOrganization(t);
    const stranger = await createUser(t, { organizationId: b.org.id });
    return { org: a.org, admin, hr, employee, stranger };
  }

  const post = (caller: User, body: Buffer | string, dryRun: boolean, contentType = 'text/csv') =>
    t
      .http()
      .post(`/api/users/import?dryRun=${dryRun}`)
      .set('Authorization', bearer(t, caller))
      .set('Content-Type', contentType)
      .send(body);

  /** Everything an import could write, to prove that nothing was. */
  async function footprint(organizationId: string) {
    const users = await t.ds.getRepository(User).find({ where: { organizationId }, order: { id: 'ASC' } });
    return {
      users: users.map((u) => [
        u.id,
        u.email,
        u.firstName,
        u.lastName,
        u.roles.join(),
        u.departmentId,
        u.trackId,
        u.managerId,
        u.updatedAt.toISOString(),
      ]),
      departments: await t.ds.getRepository(Department).count({ where: { organizationId } }),
      audit: await t.ds.getRepository(AuditLogEntry).count({ where: { organizationId } }),
      emails: await t.ds.getRepository(OutboundEmail).count({ where: { organizationId } }),
      tokens: await t.ds.getRepository(OneTimeToken).count({ where: { organizationId } }),
    };
  }

  const byEmail = (email: string) => t.ds.getRepository(User).findOneByOrFail({ email });

  describe('encodings and delimiters', () => {
    const lines = (boss: string, worker: string) => [
      HEADER,
      `${boss};Jürgen;Größe;Einkauf;leadership;;employee`,
      `${worker};Zoë;Weiß-Öztürk;Einkauf;sales;${boss};employee`,
    ];

    it.each([
      ['UTF-8 without BOM, ;', (l: string[]) => utf8(csv(...l)), 'utf-8', ';'],
      ['UTF-8 with BOM, ;', (l: string[]) => utf8Bom(csv(...l)), 'utf-8', ';'],
      ['Windows-1252, ;', (l: string[]) => win1252(csv(...l)), 'windows-1252', ';'],
      ['UTF-8 with BOM, ,', (l: string[]) => utf8Bom(csv(...l.map((x) => x.replaceAll(';', ',')))), 'utf-8', ','],
      ['Windows-1252, ,', (l: string[]) => win1252(csv(...l.map((x) => x.replaceAll(';', ',')))), 'windows-1252', ','],
    ])('%s: umlauts arrive intact, managers resolve within the file', async (_name, encode, encoding, delimiter) => {
      const w = await world();
      const boss = uniqueEmail('boss');
      const worker = uniqueEmail('worker');
      const bytes = encode(lines(boss, worker));

      const dry = await post(w.admin, bytes, true).expect(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        encoding,
        delimiter,
        rows: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        errors: [],
      });
      expect(dry.body.preview[0]).toEqual({
        line: 2,
        email: boss,
        action: 'create',
        firstName: 'Jürgen',
        lastName: 'Größe',
        department: 'Einkauf',
        track: 'leadership',
        managerEmail: null,
        roles: ['employee', 'manager'],
        changes: [],
      });
      expect(dry.body.newDepartments).toEqual(['Einkauf']);
      expect(await t.ds.getRepository(User).count({ where: { email: boss } })).toBe(0);

      const real = await post(w.admin, bytes, false).expect(200);
      expect(real.body).toMatchObject({ dryRun: false, created: 2 });
      const b = await byEmail(boss);
      const wk = await byEmail(worker);
      expect(b).toMatchObject({
        firstName: 'Jürgen',
        lastName: 'Größe',
        roles: ['employee', 'manager'],
        managerId: null,
        passwordHash: null,
      });
      expect(wk).toMatchObject({ firstName: 'Zoë', lastName: 'Weiß-Öztürk', managerId: b.id, roles: ['employee'] });
      expect(wk.departmentId).toBe(b.departmentId);
    });
  });

  it('creates departments, sends invitations, and writes audit rows with counts (no personal data)', async () => {
    const w = await world();
    const email = uniqueEmail('neu');
    await post(w.hr, utf8(csv(HEADER, `${email};Nina;Neu;Produktion;translation;${w.employee.email};`)), false).expect(
      200,
    );
    const user = await byEmail(email);
    expect(user.roles).toEqual(['employee']);
    expect((await byEmail(w.employee.email)).roles).toEqual(['employee', 'manager']);

    const departments = await t.ds
      .getRepository(Department)
      .find({ where: { organizationId: w.org.id }, order: { name: 'ASC' } });
    expect(departments.map((d) => d.name)).toEqual(['Produktion', 'Vertrieb']);

    const [mail] = await t.ds.getRepository(OutboundEmail).find({ where: { toAddress: email } });
    expect(mail!.bodyText).toMatch(/\/welcome\?token=/);
    expect(mail!.bodyText).toMatch(/Hallo Nina[\s\S]*Hello Nina/);
    expect(await t.ds.getRepository(OneTimeToken).count({ where: { userId: user.id, purpose: 'invite' } })).toBe(1);

    const audit = await t.ds.getRepository(AuditLogEntry).find({ where: { organizationId: w.org.id } });
    const imported = audit.find((a) => a.action === 'users.imported');
    expect(imported).toMatchObject({
      actorId: w.hr.id,
      data: {
        rows: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        encoding: 'utf-8',
        delimiter: ';',
        newDepartmentIds: [departments[0]!.id],
      },
    });
    expect(audit.find((a) => a.action === 'user.created' && a.targetId === user.id)!.data).toMatchObject({
      source: 'import',
    });
    expect(audit.find((a) => a.action === 'user.roles_changed' && a.targetId === w.employee.id)!.data).toMatchObject({
      after: ['employee', 'manager'],
    });
    expect(JSON.stringify(audit)).not.toMatch(/Nina|@test\.example/);
  });

  it('re-importing the same file reports every row unchanged and writes nothing', async () => {
    const w = await world();
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const file = win1252(
      csv(
        'Roles,EMAIL,first_name,last_name,Department,track,manager_email',
        `"employee,hr",${a},Änne,Ärger,Vertrieb,sales,`,
        `employee,${b},Björn,Bär,vertrieb,,${a}`,
      ),
    );
    await post(w.admin, file, false).expect(200);
    const before = await footprint(w.org.id);
    const again = await post(w.admin, file, false).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(again.body.preview.map((p: { action: string }) => p.action)).toEqual(['unchanged', 'unchanged']);
    expect(await footprint(w.org.id)).toEqual(before);
  });

  it('updates existing users matched by e-mail (any case) and reports the changed fields', async () => {
    const w = await world();
    const file = utf8(
      csv('email;first_name;last_name;track', `${w.employee.email.toUpperCase()};Erika;Neuname;leadership`),
    );
    const dry = await post(w.admin, file, true).expect(200);
    expect(dry.body.preview[0]).toMatchObject({ action: 'update', changes: ['last_name', 'track'] });
    await post(w.admin, file, false).expect(200);
    const user = await byEmail(w.employee.email);
    expect(user).toMatchObject({ lastName: 'Neuname', firstName: 'Erika' });
    const [updated] = await t.ds
      .getRepository(AuditLogEntry)
      .find({ where: { action: 'user.updated', targetId: w.employee.id } });
    expect(updated!.data).toMatchObject({
      fields: ['lastName'],
      trackId: { from: null, to: user.trackId },
      source: 'import',
    });
  });

  describe('rows with errors', () => {
    const badFile = (w: Awaited<ReturnType<typeof world>>, good: string) =>
      utf8(
        csv(
          HEADER,
          `${good};Gute;Zeile;;sales;;employee`,
          `kaputt;Ohne;Adresse;;;;`,
          `${uniqueEmail()};;Nachname;;marketing;;chef`,
          `${w.stranger.email};Fremd;Org;;;;`,
          `${uniqueEmail()};Mit;Fremdem Chef;;;${w.stranger.email};`,
        ),
      );

    it('a dry run answers 200 with the table: line, column and reason per problem, and an action per row', async () => {
      const w = await world();
      const good = uniqueEmail('good');
      const before = await footprint(w.org.id);
      const res = await post(w.admin, badFile(w, good), true).expect(200);
      expect(res.body.errors).toEqual([
        { line: 3, field: 'email', message: 'must be a valid e-mail address' },
        { line: 4, field: 'first_name', message: 'is required' },
        { line: 4, field: 'track', message: 'is not a known track (leadership, sales, translation, administration)' },
        { line: 4, field: 'roles', message: 'unknown role "chef" (use employee, manager, hr, admin)' },
        { line: 5, field: 'email', message: 'is already in use by another account' },
        { line: 6, field: 'manager_email', message: 'is neither a user of this organisation nor a row of this file' },
      ]);
      expect(res.body.preview.map((p: { action: string }) => p.action)).toEqual([
        'create',
        'error',
        'error',
        'error',
        'error',
      ]);
      expect(await footprint(w.org.id)).toEqual(before);
    });

    it('a real import answers 422 with every error in details and writes nothing', async () => {
      const w = await world();
      const good = uniqueEmail('good');
      const before = await footprint(w.org.id);
      const res = await post(w.admin, badFile(w, good), false).expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'unprocessable',
        message: '4 rows have errors; nothing was imported',
      });
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'line 3: email', message: 'must be a valid e-mail address' },
          { field: 'line 6: manager_email', message: 'is neither a user of this organisation nor a row of this file' },
        ]),
      );
      expect(res.body.details).toHaveLength(6);
      expect(await t.ds.getRepository(User).count({ where: { email: good } })).toBe(0);
      expect(await footprint(w.org.id)).toEqual(before);
    });

    it('finds reporting cycles within the file', async () => {
      const w = await world();
      const [p, q] = [uniqueEmail('p'), uniqueEmail('q')];
      const res = await post(w.admin, utf8(csv(HEADER, `${p};P;P;;;${q};`, `${q};Q;Q;;;${p};`)), true).expect(200);
      expect(res.body.errors).toEqual([
        { line: 2, field: 'manager_email', message: 'would create a reporting cycle' },
        { line: 3, field: 'manager_email', message: 'would create a reporting cycle' },
      ]);
    });
  });

  describe('who may import what', () => {
    it('HR imports employees and managers, but a row granting hr or admin is a row error (422 for real)', async () => {
      const w = await world();
      const [lead, member, wannabe] = [uniqueEmail('lead'), uniqueEmail('member'), uniqueEmail('admin')];
      const file = utf8(
        csv(HEADER, `${lead};L;L;;;;manager`, `${member};M;M;;;${lead};employee`, `${wannabe};W;W;;;;employee|admin`),
      );
      const dry = await post(w.hr, file, true).expect(200);
      expect(dry.body.errors).toEqual([
        { line: 4, field: 'roles', message: 'only an admin may grant or remove the role admin' },
      ]);
      const before = await footprint(w.org.id);
      await post(w.hr, file, false).expect(422);
      expect(await footprint(w.org.id)).toEqual(before);

      const ok = utf8(csv(HEADER, `${lead};L;L;;;;manager`, `${member};M;M;;;${lead};employee`));
      await post(w.hr, ok, false).expect(200);
      expect((await byEmail(lead)).roles).toEqual(['employee', 'manager']);

      // Taking hr away from an existing HR person is just as much an admin's decision.
      const demote = utf8(csv('email;first_name;last_name;roles', `${w.hr.email};Erika;Mustermann;employee`));
      expect((await post(w.hr, demote, true).expect(200)).body.errors).toEqual([
        { line: 2, field: 'roles', message: 'only an admin may grant or remove the role hr' },
      ]);
    });

    it('an admin may grant hr and admin by import', async () => {
      const w = await world();
      const email = uniqueEmail('newhr');
      await post(w.admin, utf8(csv('email;first_name;last_name;roles', `${email};H;R;hr admin`)), false).expect(200);
      expect((await byEmail(email)).roles).toEqual(['admin', 'hr']);
    });

    it('employees may not import (403)', async () => {
      const w = await world();
      await post(w.employee, utf8(csv(HEADER)), true).expect(403);
    });
  });

  it('keeps cells beginning with = + - @ as data', async () => {
    const w = await world();
    const email = uniqueEmail('formula');
    await post(
      w.admin,
      utf8(csv('email;first_name;last_name;department', `${email};=Anna;+Berg;@Einkauf`)),
      false,
    ).expect(200);
    const user = await byEmail(email);
    expect(user).toMatchObject({ firstName: '=Anna', lastName: '+Berg' });
    const department = await t.ds.getRepository(Department).findOneByOrFail({ id: user.departmentId! });
    expect(department.name).toBe('@Einkauf');
  });

  describe('files that cannot be imported (400 naming the problem)', () => {
    it.each([
      ['a missing column', utf8(csv('email;first_name', 'a@x.de;A')), 'header', 'column "last_name" is missing'],
      [
        'an unknown column',
        utf8(csv('email;first_name;last_name;salary', 'a@x.de;A;B;1')),
        'header',
        expect.stringContaining('unknown column "salary"'),
      ],
      ['no rows', utf8(csv(HEADER)), 'file', 'contains no rows below the header'],
      ['an unclosed quote', utf8(csv(HEADER, 'a@x.de;"A;B;;;;')), 'file', expect.stringContaining('line 2')],
      ['UTF-16', Buffer.from('\ufeffemail\tfirst_name\n', 'utf16le'), 'file', expect.stringContaining('UTF-16')],
    ])('%s', async (_name, body, field, message) => {
      const w = await world();
      const res = await post(w.admin, body, true).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, message }]));
    });

    it('more than 5,000 rows', async () => {
      const w = await world();
      const rows = Array.from({ length: 5001 }, (_, i) => `u${i}@x.de;A;B`);
      const res = await post(w.admin, utf8(csv('email;first_name;last_name', ...rows)), true).expect(400);
      expect(res.body.details).toEqual([{ field: 'file', message: 'has 5001 rows; at most 5000 are allowed' }]);
    });

    it('more than 5 MB (413)', async () => {
      const w = await world();
      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
      const res = await post(w.admin, big, true).expect(413);
      expect(res.body.statusCode).toBe(413);
    });

    it('a body that is not sent as text/csv', async () => {
      const w = await world();
      const res = await post(w.admin, JSON.stringify({ email: 'x' }), true, 'application/json').expect(400);
      expect(res.body.details).toEqual([{ field: 'file', message: expect.stringContaining('text/csv') }]);
      const empty = await post(w.admin, Buffer.alloc(0), true).expect(400);
      expect(empty.body.details[0].field).toBe('file');
    });

    it('a bad dryRun parameter', async () => {
      const w = await world();
      const res = await t
        .http()
        .post('/api/users/import?dryRun=yes')
        .set('Authorization', bearer(t, w.admin))
        .set('Content-Type', 'text/csv')
        .send(utf8(csv(HEADER)))
        .expect(400);
      expect(res.body.details[0].field).toBe('dryRun');
    });
  });
});
