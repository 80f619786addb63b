import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

type Lang = 'de' | 'en';

// E-mail texts of the learning feature (PRODUCT.md §5: a submission to review, a review result).
@Injectable()
export class LearningMails {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  reviewRequested(lang: Lang, exercise: string) {
    const link = `${this.config.appUrl}/reviews`;
    return lang === 'de'
      ? { subject: `Praxisaufgabe zur Prüfung: ${exercise}`, text: `Eine Person aus Ihrem Team hat die Praxisaufgabe „${exercise}“ eingereicht.\n\nZur Prüfung: ${link}\n` }
      : { subject: `Practice work to review: ${exercise}`, text: `Someone in your team submitted the practice task "${exercise}".\n\nReview it: ${link}\n` };
  }

  reviewResult(lang: Lang, exercise: string, decision: 'accept' | 'revise', feedback: string) {
    const link = `${this.config.appUrl}/learning`;
    const note = feedback ? `\n\n${lang === 'de' ? 'Rückmeldung' : 'Feedback'}: ${feedback}` : '';
    if (lang === 'de') {
      return decision === 'accept'
        ? { subject: `Angenommen: ${exercise}`, text: `Ihre Praxisaufgabe „${exercise}“ wurde angenommen.${note}\n\n${link}\n` }
        : { subject: `Bitte überarbeiten: ${exercise}`, text: `Zu Ihrer Praxisaufgabe „${exercise}“ wurde um eine Überarbeitung gebeten.${note}\n\n${link}\n` };
    }
    return decision === 'accept'
      ? { subject: `Accepted: ${exercise}`, text: `Your practice work "${exercise}" was accepted.${note}\n\n${link}\n` }
      : { subject: `Please revise: ${exercise}`, text: `A revision was requested for your practice work "${exercise}".${note}\n\n${link}\n` };
  }
}
