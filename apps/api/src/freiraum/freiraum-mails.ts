import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

type Lang = 'de' | 'en';

const hoursText = (lang: Lang, hours: number) => (lang === 'de' ? `${String(hours).replace('.', ',')} Std.` : `${hours} h`);
const dateText = (lang: Lang, date: string) => {
  const [y, m, d] = date.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : date;
};

// E-mail texts of Freiraum time (PRODUCT.md §5: a request to decide, a decision, an escalation).
@Injectable()
export class FreiraumMails {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  toDecide(lang: Lang, name: string, date: string, hours: number) {
    const link = `${this.config.appUrl}/freiraum/approvals`;
    return lang === 'de'
      ? { subject: `Freiraum-Antrag von ${name}`, text: `${name} beantragt ${hoursText(lang, hours)} Freiraum am ${dateText(lang, date)}.\n\nZur Entscheidung: ${link}\n` }
      : { subject: `Freiraum request from ${name}`, text: `${name} asks for ${hoursText(lang, hours)} of Freiraum on ${dateText(lang, date)}.\n\nDecide: ${link}\n` };
  }

  escalated(lang: Lang, name: string, date: string, hours: number, days: number) {
    const link = `${this.config.appUrl}/freiraum/approvals`;
    return lang === 'de'
      ? {
          subject: `Weitergeleitet: Freiraum-Antrag von ${name}`,
          text: `Der Antrag von ${name} (${hoursText(lang, hours)} am ${dateText(lang, date)}) wartet seit mehr als ${days} Tagen und liegt jetzt auch bei Ihnen.\n\nZur Entscheidung: ${link}\n`,
        }
      : {
          subject: `Escalated: Freiraum request from ${name}`,
          text: `The request from ${name} (${hoursText(lang, hours)} on ${dateText(lang, date)}) has waited more than ${days} days and now rests with you too.\n\nDecide: ${link}\n`,
        };
  }

  decided(lang: Lang, decision: 'approved' | 'rejected', date: string, hours: number, note: string) {
    const link = `${this.config.appUrl}/freiraum`;
    const reason = note ? `\n\n${lang === 'de' ? 'Notiz' : 'Note'}: ${note}` : '';
    if (lang === 'de') {
      return decision === 'approved'
        ? { subject: `Freiraum genehmigt: ${dateText(lang, date)}`, text: `Ihr Freiraum am ${dateText(lang, date)} (${hoursText(lang, hours)}) ist genehmigt.${reason}\n\nIn den Kalender übernehmen: ${link}\n` }
        : { subject: `Freiraum abgelehnt: ${dateText(lang, date)}`, text: `Ihr Antrag für den ${dateText(lang, date)} (${hoursText(lang, hours)}) wurde abgelehnt.${reason}\n\n${link}\n` };
    }
    return decision === 'approved'
      ? { subject: `Freiraum approved: ${date}`, text: `Your Freiraum on ${date} (${hoursText(lang, hours)}) is approved.${reason}\n\nAdd it to your calendar: ${link}\n` }
      : { subject: `Freiraum rejected: ${date}`, text: `Your request for ${date} (${hoursText(lang, hours)}) was rejected.${reason}\n\n${link}\n` };
  }
}
