import { invitationEmail } from './invitation-email.js';

describe('invitationEmail', () => {
  const input = {
    firstName: 'Jürgen',
    organizationName: 'Muster GmbH',
    url: 'http://freiraum.test/welcome?token=abc',
    expiresAt: new Date('2026-03-10T09:00:00Z'),
    timeZone: 'Europe/Berlin',
  };

  it('contains the link and both languages, the organisation language first', () => {
    const de = invitationEmail({ ...input, language: 'de' });
    expect(de.subject).toMatch(/^Einladung zu Freiraum/);
    expect(de.text.indexOf('Hallo Jürgen')).toBeLessThan(de.text.indexOf('Hello Jürgen'));
    expect(de.text.split(input.url)).toHaveLength(3);
    // Expiry shown in the organisation's time zone (10:00 in Berlin in March).
    expect(de.text).toContain('10. März 2026 um 10:00');

    const en = invitationEmail({ ...input, language: 'en' });
    expect(en.text.indexOf('Hello Jürgen')).toBeLessThan(en.text.indexOf('Hallo Jürgen'));
    expect(en.text).toContain('10 March 2026');
  });
});
