import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/time/clock.js';
import { Tx } from '../../database/transaction.js';
import { Scheduled, type ScheduledJob } from '../../jobs/scheduled-job.js';
import type { OutboundEmail } from '../outbound-email.entity.js';
import { afterFailedAttempt, describeError } from './mail-retry.policy.js';
import { MAILER, type Mailer } from './mailer.js';
import { OutboundEmailRepository } from './outbound-email.repository.js';

const BATCH_SIZE = 50;
/** At most this many batches per run, so one run never holds its lease for long. */
const MAX_BATCHES = 10;
/** A claimed mail is invisible to other runs for this long (longer than any SMTP timeout). */
const CLAIM_MS = 10 * 60_000;

export interface MailDeliverySummary {
  delivered: number;
  retrying: number;
  failed: number;
}

/** Delivers the e-mail outbox: over SMTP when configured, otherwise into the log. Never drops a mail. */
@Injectable()
@Scheduled()
export class MailDeliveryJob implements ScheduledJob {
  readonly name = 'mail-delivery';
  readonly intervalMs = 15_000;
  private readonly log = new Logger('MailDelivery');

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly outbox: OutboundEmailRepository,
  ) {}

  async run(now: Date): Promise<void> {
    await this.deliverDue(now);
  }

  async deliverDue(now: Date): Promise<MailDeliverySummary> {
    const summary: MailDeliverySummary = { delivered: 0, retrying: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const claimed = await this.tx.run((em) =>
        this.outbox.claimDue(em, now, BATCH_SIZE, new Date(now.getTime() + CLAIM_MS)),
      );
      for (const mail of claimed) summary[await this.deliver(mail)]++;
      if (claimed.length < BATCH_SIZE) break;
    }
    return summary;
  }

  private async deliver(mail: OutboundEmail): Promise<keyof MailDeliverySummary> {
    const em = this.tx.manager;
    try {
      const outcome = await this.mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
      await this.outbox.markDelivered(em, mail.id, outcome, this.clock.now());
      return 'delivered';
    } catch (err) {
      const attempts = mail.attempts + 1;
      const lastError = describeError(err);
      const decision = afterFailedAttempt(attempts, this.clock.now());
      await this.outbox.markFailedAttempt(em, mail.id, { attempts, lastError, ...decision });
      if (decision.status === 'failed') {
        this.log.error({
          msg: 'E-mail given up after repeated failures',
          emailId: mail.id,
          to: mail.toAddress,
          attempts,
          lastError,
        });
        return 'failed';
      }
      this.log.warn({
        msg: 'E-mail delivery failed; will retry',
        emailId: mail.id,
        attempts,
        nextAttemptAt: decision.nextAttemptAt,
        lastError,
      });
      return 'retrying';
    }
  }
}
