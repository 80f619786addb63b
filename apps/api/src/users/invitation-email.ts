import type { Language } from '@freiraum/contracts';

// The invitation e-mail, in German and English: the invitee has not chosen a language yet, so both are
// included, the organisation's default language first.

export interface InvitationEmailInput {
  firstName: string;
  organizationName: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
  language: Language;
}

const formatDate = (date: Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);

export function invitationEmail(input: InvitationEmailInput): { subject: string; text: string } {
  const de = [
    `Hallo ${input.firstName},`,
    '',
    `Sie wurden zu Freiraum eingeladen, der Lernplattform von ${input.organizationName}.`,
    `Über diesen Link legen Sie Ihr Passwort fest (gültig bis ${formatDate(input.expiresAt, 'de-DE', input.timeZone)}, nur einmal verwendbar):`,
    '',
    input.url,
  ];
  const en = [
    `Hello ${input.firstName},`,
    '',
    `you have been invited to Freiraum, the learning platform of ${input.organizationName}.`,
    `Set your password with this link (valid until ${formatDate(input.expiresAt, 'en-GB', input.timeZone)}, works once):`,
    '',
    input.url,
  ];
  const [first, second] = input.language === 'en' ? [en, de] : [de, en];
  return {
    subject:
      input.language === 'en'
        ? 'Your invitation to Freiraum / Einladung zu Freiraum'
        : 'Einladung zu Freiraum / Your invitation to Freiraum',
    text: [...first, '', '---', '', ...second].join('\n'),
  };
}
