import type { Notification } from '@freiraum/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { describeNotification } from './describe-notification';

const n = (type: string, data: Record<string, unknown>): Notification => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  data,
  readAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
});
const describeDe = (type: string, data: Record<string, unknown>) => describeNotification(n(type, data), i18n.t);

describe('learning notifications', () => {
  it('reads review, flag and assignment notices in the reader language', async () => {
    const title = { de: 'KI-Wandel führen', en: 'Leading the AI change' };
    expect(describeDe('review_requested', { exerciseTitle: { de: 'Nachfassmail', en: 'Follow-up' } })).toEqual({
      title: 'Neue Praxisaufgabe zu prüfen',
      text: '„Nachfassmail“ wartet auf Ihre Rückmeldung.',
    });
    expect(describeDe('review_result', { decision: 'revise' }).title).toBe('Bitte überarbeiten Sie Ihre Praxisaufgabe');
    expect(describeDe('review_result', { decision: 'accept' }).title).toBe('Ihre Praxisaufgabe wurde angenommen');
    expect(describeDe('reviews_transferred', { count: 2 }).text).toBe(
      '2 Praxisaufgaben warten jetzt auf Ihre Prüfung.',
    );
    expect(describeDe('flag_raised', { toolName: 'DeepL Pro', dataClass: 'personal' }).text).toBe(
      'DeepL Pro mit Daten der Klasse „Personenbezogen“ – bitte entscheiden Sie.',
    );
    expect(describeDe('flag_decided', { decision: 'cleared' }).title).toBe('Hinweis ausgeräumt');
    expect(describeDe('path_assigned', { pathTitle: title, dueDate: '2026-12-31' }).text).toBe(
      '„KI-Wandel führen“ wurde Ihnen zugewiesen – fällig bis 31.12.2026.',
    );
    expect(
      describeDe('assignment_due', { pathTitle: title, dueDate: '2026-12-31', notice: 'due_in_7_days' }).text,
    ).toBe('„KI-Wandel führen“ ist am 31.12.2026 fällig.');
    expect(describeDe('assignment_overdue', { pathTitle: title, dueDate: '2026-12-31' }).title).toBe(
      'Lernpfad überfällig',
    );

    await i18n.changeLanguage('en');
    expect(describeNotification(n('path_assigned', { pathTitle: title, dueDate: null }), i18n.t).text).toBe(
      '“Leading the AI change” was assigned to you.',
    );
  });
});
