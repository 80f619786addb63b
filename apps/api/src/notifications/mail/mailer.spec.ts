import { createMailer, LogMailer, SmtpMailer } from './mailer.js';

describe('mailers', () => {
  it('without SMTP writes the whole mail to the log, so an operator can find the link', async () => {
    const lines: unknown[] = [];
    const mailer = new LogMailer({ log: (line: unknown) => lines.push(line) });
    const outcome = await mailer.send({
      to: 'a@b.example',
      subject: 'Passwort zurücksetzen',
      text: 'Link: http://x/reset-password?token=abc',
    });
    expect(outcome).toBe('logged');
    expect(lines).toEqual([
      expect.objectContaining({
        to: 'a@b.example',
        subject: 'Passwort zurücksetzen',
        text: 'Link: http://x/reset-password?token=abc',
      }),
    ]);
  });

  it('picks SMTP only when a URL is configured', () => {
    expect(createMailer(undefined, 'x@y')).toBeInstanceOf(LogMailer);
    const smtp = createMailer('smtp://127.0.0.1:2525', 'x@y');
    expect(smtp).toBeInstanceOf(SmtpMailer);
    (smtp as SmtpMailer).onApplicationShutdown();
  });
});
