import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { MailDeliveryJob } from './mail/mail-delivery.job.js';
import { createMailer, MAILER } from './mail/mailer.js';
import { OutboundEmailRepository } from './mail/outbound-email.repository.js';

// NotificationService (writing notifications and queuing mail) lives in CoreModule so every feature can use it.
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationInboxService,
    NotificationsRepository,
    OutboundEmailRepository,
    MailDeliveryJob,
    {
      provide: MAILER,
      useFactory: (config: AppConfig) => createMailer(config.smtpUrl, config.mailFrom),
      inject: [APP_CONFIG],
    },
  ],
  exports: [MailDeliveryJob],
})
export class NotificationsModule {}
