import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** How a message left: over SMTP, or written to the log because no SMTP server is configured. */
export type MailOutcome = 'sent' | 'logged';

/** The mail delivery job talks to this; tests inject a fake that captures messages or fails on demand. */
export interface Mailer {
  send(message: MailMessage): Promise<MailOutcome>;
}

export const MAILER = Symbol('MAILER');

export class SmtpMailer implements Mailer, OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<MailOutcome> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** Without SMTP the log is how an operator finds an invitation or reset link, so the whole text goes there. */
export class LogMailer implements Mailer {
  constructor(private readonly log: Pick<Logger, 'log'> = new Logger('Mail')) {}

  async send(message: MailMessage): Promise<MailOutcome> {
    this.log.log({
      msg: 'E-mail logged instead of sent (SMTP_URL is not set)',
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return 'logged';
  }
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return smtpUrl ? new SmtpMailer(smtpUrl, from) : new LogMailer();
}
