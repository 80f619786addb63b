// Plain-text e-mails of the sign-in flows, in German and English: the recipient may not have chosen a
// language yet, and a reset e-mail must be understood either way.

export interface PlainEmail {
  subject: string;
  text: string;
}

export function passwordResetEmail(input: { firstName: string; url: string; expiresAt: Date; now: Date }): PlainEmail {
  const hours = Math.max(1, Math.round((input.expiresAt.getTime() - input.now.getTime()) / 3_600_000));
  return {
    subject: 'Freiraum: Passwort zurücksetzen / Reset your password',
    text: [
      `Hallo ${input.firstName},`,
      '',
      'jemand (hoffentlich Sie) hat ein neues Passwort für Ihr Freiraum-Konto angefordert. Über diesen Link',
      `legen Sie es fest (${hours} Stunde${hours === 1 ? '' : 'n'} gültig, nur einmal verwendbar):`,
      '',
      input.url,
      '',
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
      '',
      '---',
      '',
      `Hello ${input.firstName},`,
      '',
      'someone (hopefully you) asked for a new password for your Freiraum account. Set it with this link',
      `(valid for ${hours} hour${hours === 1 ? '' : 's'}, works once):`,
      '',
      input.url,
      '',
      'If you did not ask for this, ignore this e-mail; your password stays unchanged.',
    ].join('\n'),
  };
}
