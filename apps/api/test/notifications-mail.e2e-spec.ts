import { createServer, type Server, type Socket } from 'node:net';
import { Tx } from '../src/database/transaction.js';
import { JobRunner } from '../src/jobs/job-runner.js';
import { NotificationService } from '../src/notifications/notification.service.js';
import { OutboundEmail } from '../src/notifications/outbound-email.entity.js';
import { MailDeliveryJob } from '../src/notifications/mail/mail-delivery.job.js';
import { MAX_MAIL_ATTEMPTS } from '../src/notifications/mail/mail-retry.policy.js';
import { SmtpMailer, type MailMessage, type Mailer, type MailOutcome } from '../src/notifications/mail/mailer.js';
import { OutboundEmailRepository } from '../src/notifications/mail/outbound-email.repository.js';
import { createOrganization } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A transport that records messages and fails for addresses listed in `failFor`. */
class FakeMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  failFor = new Set<string>();
  async send(message: MailMessage): Promise<MailOutcome> {
    if (this.failFor.has(message.to)) throw new Error(`550 mailbox unavailable: ${message.to}`);
    this.sent.push(message);
    return 'sent';
  }
}

describe('mail delivery job', () => {
  let t: TestApp;
  let orgId: string;

  const queue = (to: string, subject = `Subject for ${to}`) =>
    t.ds.transaction((em) =>
      t.app
        .get(NotificationService)
        .queueEmail(em, { organizationId: orgId, userId: null, to, subject, text: `Hello ${to}\nhttp://link` }),
    );
  const jobWith = (mailer: Mailer) =>
    new MailDeliveryJob(t.app.get(Tx), t.clock, mailer, t.app.get(OutboundEmailRepository));
  const row = (to: string) => t.ds.getRepository(OutboundEmail).findOneByOrFail({ toAddress: to });

  beforeAll(async () => {
    t = await createTestApp();
    ({
      org: { id: orgId },
    } = await createOrganization(t));
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ds.query('DELETE FROM outbound_emails');
    t.clock.set(new Date('2026-03-02T08:00:00Z'));
  });

  it('sends every due mail once through the transport and records it', async () => {
    const mailer = new FakeMailer();
    await queue('a@test.example');
    await queue('b@test.example');
    const summary = await jobWith(mailer).deliverDue(t.clock.now());
    expect(summary).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(mailer.sent).toEqual(
      expect.arrayContaining([
        { to: 'a@test.example', subject: 'Subject for a@test.example', text: 'Hello a@test.example\nhttp://link' },
      ]),
    );
    expect(await row('a@test.example')).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      deliveredAt: t.clock.now(),
    });

    t.clock.advance(3600_000);
    await jobWith(mailer).deliverDue(t.clock.now());
    expect(mailer.sent).toHaveLength(2);
  });

  it('leaves mail that is not yet due alone', async () => {
    const mailer = new FakeMailer();
    await queue('later@test.example');
    await t.ds
      .getRepository(OutboundEmail)
      .update({ toAddress: 'later@test.example' }, { nextAttemptAt: new Date('2026-03-02T09:00:00Z') });
    await jobWith(mailer).deliverDue(t.clock.now());
    expect(mailer.sent).toHaveLength(0);
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    await jobWith(mailer).deliverDue(t.clock.now());
    expect(mailer.sent.map((m) => m.to)).toEqual(['later@test.example']);
  });

  it('without SMTP the app logs the mail and marks it logged (run through the job runner)', async () => {
    await queue('nosmtp@test.example');
    expect(await t.app.get(JobRunner).runDue('mail-delivery')).toEqual(['mail-delivery']);
    expect(await row('nosmtp@test.example')).toMatchObject({
      status: 'logged',
      attempts: 1,
      deliveredAt: t.clock.now(),
    });
  });

  it('retries a failing mail with back-off (1, 5, 30 min …) and never loses it', async () => {
    const mailer = new FakeMailer();
    mailer.failFor.add('flaky@test.example');
    await queue('flaky@test.example');
    await queue('fine@test.example');
    const job = jobWith(mailer);

    expect(await job.deliverDue(t.clock.now())).toEqual({ delivered: 1, retrying: 1, failed: 0 });
    let flaky = await row('flaky@test.example');
    expect(flaky).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Error: 550 mailbox unavailable: flaky@test.example',
    });
    expect(flaky.nextAttemptAt).toEqual(new Date('2026-03-02T08:01:00Z'));

    // Not retried before its time.
    t.clock.advance(59_000);
    await job.deliverDue(t.clock.now());
    expect((await row('flaky@test.example')).attempts).toBe(1);

    t.clock.set(flaky.nextAttemptAt);
    await job.deliverDue(t.clock.now());
    flaky = await row('flaky@test.example');
    expect(flaky).toMatchObject({ status: 'pending', attempts: 2 });
    expect(flaky.nextAttemptAt).toEqual(new Date('2026-03-02T08:06:00Z'));

    t.clock.set(flaky.nextAttemptAt);
    await job.deliverDue(t.clock.now());
    flaky = await row('flaky@test.example');
    expect(flaky.nextAttemptAt).toEqual(new Date('2026-03-02T08:36:00Z'));

    // The server recovers: the mail goes out.
    mailer.failFor.clear();
    t.clock.set(flaky.nextAttemptAt);
    await job.deliverDue(t.clock.now());
    expect(await row('flaky@test.example')).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(['fine@test.example', 'flaky@test.example']);
  });

  it(`gives up after ${MAX_MAIL_ATTEMPTS} attempts with status failed`, async () => {
    const mailer = new FakeMailer();
    mailer.failFor.add('dead@test.example');
    await queue('dead@test.example');
    const job = jobWith(mailer);
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      const summary = await job.deliverDue(t.clock.now());
      expect(summary.failed + summary.retrying).toBe(1);
      t.clock.set((await row('dead@test.example')).nextAttemptAt);
    }
    const dead = await row('dead@test.example');
    expect(dead).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS, deliveredAt: null });
    expect(dead.lastError).toContain('550');
    t.clock.advance(7 * 24 * 3600_000);
    expect(await job.deliverDue(t.clock.now())).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('two deliveries running at once send each mail exactly once', async () => {
    const mailer = new FakeMailer();
    const addresses = Array.from({ length: 30 }, (_, i) => `bulk${i}@test.example`);
    for (const to of addresses) await queue(to);
    await Promise.all([jobWith(mailer).deliverDue(t.clock.now()), jobWith(mailer).deliverDue(t.clock.now())]);
    expect(mailer.sent.map((m) => m.to).sort()).toEqual([...addresses].sort());
    const statuses = await t.ds.query(`SELECT status, count(*)::int AS n FROM outbound_emails GROUP BY status`);
    expect(statuses).toEqual([{ status: 'sent', n: 30 }]);
  });

  describe('over SMTP (nodemailer against a minimal local SMTP server)', () => {
    let server: Server;
    let port: number;
    const received: string[] = [];
    let rejectRecipient = false;

    beforeAll(async () => {
      server = createServer((socket: Socket) => {
        let inData = false;
        let data = '';
        const reply = (line: string) => socket.write(`${line}\r\n`);
        reply('220 test ESMTP');
        let buffer = '';
        socket.on('data', (chunk) => {
          buffer += chunk.toString('utf8');
          let idx: number;
          while ((idx = buffer.indexOf('\r\n')) >= 0) {
            const line = buffer.slice(0, idx);
            buffer = buffer.slice(idx + 2);
            if (inData) {
              if (line === '.') {
                inData = false;
                received.push(data);
                data = '';
                reply('250 queued');
              } else data += `${line}\n`;
              continue;
            }
            const cmd = line.slice(0, 4).toUpperCase();
            if (cmd === 'EHLO' || cmd === 'HELO') reply('250 test');
            else if (cmd === 'MAIL') reply('250 ok');
            else if (cmd === 'RCPT') reply(rejectRecipient ? '550 no such user' : '250 ok');
            else if (cmd === 'DATA') {
              inData = true;
              reply('354 go ahead');
            } else if (cmd === 'QUIT') {
              reply('221 bye');
              socket.end();
            } else if (cmd === 'RSET') reply('250 ok');
            else reply('502 not implemented');
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends the mail, then retries on an SMTP error', async () => {
      const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'Freiraum <no-reply@freiraum.test>');
      try {
        await queue('smtp@test.example', 'Willkommen bei Freiraum');
        expect(await jobWith(mailer).deliverDue(t.clock.now())).toEqual({ delivered: 1, retrying: 0, failed: 0 });
        expect(await row('smtp@test.example')).toMatchObject({ status: 'sent' });
        expect(received).toHaveLength(1);
        expect(received[0]).toContain('To: smtp@test.example');
        expect(received[0]).toContain('From: Freiraum <no-reply@freiraum.test>');
        expect(received[0]).toContain('Hello smtp@test.example');

        rejectRecipient = true;
        await queue('bounce@test.example');
        expect(await jobWith(mailer).deliverDue(t.clock.now())).toEqual({ delivered: 0, retrying: 1, failed: 0 });
        expect((await row('bounce@test.example')).lastError).toContain('550');
      } finally {
        mailer.onApplicationShutdown();
      }
    });
  });
});
