import { AuditService } from '../src/audit/audit.service.js';
import { OneTimeToken } from '../src/auth/one-time-token.entity.js';
import { hashToken, OneTimeTokenService } from '../src/auth/one-time-token.service.js';
import { OrgCreateService } from '../src/cli/org-create.service.js';
import { parseOrgCreateArgs, type OrgCreateInput } from '../src/cli/org-create.args.js';
import { DomainError } from '../src/common/errors/domain-error.js';
import { Tx } from '../src/database/transaction.js';
import { NotificationService } from '../src/notifications/notification.service.js';
import { OutboundEmail } from '../src/notifications/outbound-email.entity.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Track } from '../src/organizations/track.entity.js';
import { User } from '../src/users/user.entity.js';
import { AuditLogEntry } from '../src/audit/audit-log.entity.js';
import { createOrganization, createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('org:create', () => {
  let t: TestApp;
  let service: OrgCreateService;
  const input = (argv: string[]) => parseOrgCreateArgs(argv) as OrgCreateInput;

  beforeAll(async () => {
    t = await createTestApp();
    // Built as the CLI builds it: no Nest container, just the DataSource, config and clock.
    service = new OrgCreateService(
      new Tx(t.ds),
      t.clock,
      new AuditService(t.clock),
      new NotificationService(t.clock),
      new OneTimeTokenService(t.config, t.clock),
    );
  });
  afterAll(() => t.close());

  it('creates the organisation with default tracks and settings, its first admin and a one-time link', async () => {
    t.clock.set(new Date('2026-03-02T08:00:00Z'));
    const created = await service.create(
      input([
        '--name',
        'Acme Übersetzungen GmbH',
        '--admin-email',
        'IT@Acme.Example',
        '--first-name',
        'Jörg',
        '--last-name',
        'Groß',
        '--time-zone',
        'Europe/Vienna',
        '--language',
        'en',
      ]),
    );

    const org = await t.ds.getRepository(Organization).findOneByOrFail({ id: created.organizationId });
    expect(org).toMatchObject({
      name: 'Acme Übersetzungen GmbH',
      timeZone: 'Europe/Vienna',
      defaultLanguage: 'en',
      privacyThreshold: 5,
      hrSeesIndividuals: false,
      managersSeeLastActivity: false,
      aiPolicy: { tools: [], rules: '' },
    });
    const tracks = await t.ds
      .getRepository(Track)
      .find({ where: { organizationId: org.id }, order: { position: 'ASC' } });
    expect(tracks.map((tr) => [tr.slug, tr.nameDe, tr.nameEn, tr.enabled])).toEqual([
      ['leadership', 'Führung', 'Leadership', true],
      ['sales', 'Vertrieb', 'Sales', true],
      ['translation', 'Übersetzung', 'Translation', true],
      ['administration', 'Verwaltung', 'Administration', true],
    ]);

    const admin = await t.ds.getRepository(User).findOneByOrFail({ id: created.adminId });
    expect(admin).toMatchObject({
      organizationId: org.id,
      email: 'it@acme.example',
      firstName: 'Jörg',
      lastName: 'Groß',
      passwordHash: null,
      active: true,
      managerId: null,
    });
    expect([...admin.roles].sort()).toEqual(['admin', 'employee']);

    const { url, token, expiresAt } = created.invitation;
    expect(url).toBe(`http://freiraum.test/welcome?token=${token}`);
    expect(expiresAt).toEqual(new Date('2026-03-09T08:00:00Z'));
    const stored = await t.ds.getRepository(OneTimeToken).findOneByOrFail({ userId: admin.id });
    expect(stored).toMatchObject({ purpose: 'invite', tokenHash: hashToken(token), usedAt: null });

    const mail = await t.ds.getRepository(OutboundEmail).findOneByOrFail({ userId: admin.id });
    expect(mail).toMatchObject({ toAddress: 'it@acme.example', status: 'pending', organizationId: org.id });
    expect(mail.bodyText).toContain(url);
    expect(mail.bodyText).toContain('Acme Übersetzungen GmbH');

    const audit = await t.ds
      .getRepository(AuditLogEntry)
      .findOneByOrFail({ organizationId: org.id, action: 'organization.created' });
    expect(audit).toMatchObject({ actorId: null, targetId: org.id, data: { source: 'org-create', adminId: admin.id } });
  });

  it('uses defaults for the optional flags', async () => {
    const created = await service.create(input(['--name', 'Beta AG', '--admin-email', 'chef@beta.example']));
    const org = await t.ds.getRepository(Organization).findOneByOrFail({ id: created.organizationId });
    expect(org).toMatchObject({ timeZone: 'Europe/Berlin', defaultLanguage: 'de' });
    const admin = await t.ds.getRepository(User).findOneByOrFail({ id: created.adminId });
    expect(admin).toMatchObject({ firstName: 'Admin', lastName: 'Beta AG' });
    const mail = await t.ds.getRepository(OutboundEmail).findOneByOrFail({ userId: admin.id });
    // German first: the organisation's default language.
    expect(mail.subject).toMatch(/^Einladung zu Freiraum/);
  });

  it('refuses an e-mail that exists (in any organisation, any case) and creates nothing', async () => {
    const { org } = await createOrganization(t);
    await createUser(t, { organizationId: org.id, email: 'taken@example.com' });
    const before = await t.ds.getRepository(Organization).count();
    const attempt = service.create(input(['--name', 'Gamma KG', '--admin-email', 'Taken@Example.com']));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('taken@example.com'),
    });
    expect(await t.ds.getRepository(Organization).count()).toBe(before);
  });
});
