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

describe('journal notifications', () => {
  it('reads kudos and a promotion to the use-case library', async () => {
    expect(describeDe('kudos_received', { entryId: 'e', fromUserId: 'u' })).toEqual({
      title: 'Kudos für Ihr Experiment',
      text: 'Jemand hat Ihrem geteilten Journal-Eintrag Kudos gegeben.',
    });
    expect(describeDe('use_case_promoted', { useCaseId: 'c', entryId: 'e' }).title).toBe(
      'Ihr Experiment ist in der Use-Case-Bibliothek',
    );
    await i18n.changeLanguage('en');
    expect(describeNotification(n('use_case_promoted', { useCaseId: 'c', title: 'Quotes with DeepL' }), i18n.t).text).toBe(
      'Your journal entry is now in the use-case library as “Quotes with DeepL” – crediting you as its author.',
    );
  });
});

describe('Freiraum notifications', () => {
  it('reads requests to decide, decisions, escalations and cancellations', async () => {
    const data = { requestId: 'r', requesterId: 'u', slotDate: '2026-11-24', hours: 1.5 };
    expect(describeDe('freiraum_request_to_decide', { ...data, requesterName: 'Lena Hoffmann' })).toEqual({
      title: 'Freiraum-Antrag zu entscheiden',
      text: 'Lena Hoffmann möchte am 24.11.2026 1,5 Stunden Freiraum.',
    });
    expect(describeDe('freiraum_request_to_decide', data).text).toBe(
      'Ein Antrag für den 24.11.2026 (1,5 Stunden) wartet auf Ihre Entscheidung.',
    );
    expect(describeDe('freiraum_request_decided', { ...data, decision: 'approved' })).toEqual({
      title: 'Freiraum genehmigt',
      text: 'Ihr Antrag für den 24.11.2026 (1,5 Stunden) wurde genehmigt.',
    });
    expect(describeDe('freiraum_request_decided', { ...data, hours: 1, decision: 'rejected' }).text).toBe(
      'Ihr Antrag für den 24.11.2026 (1 Stunde) wurde abgelehnt.',
    );
    expect(describeDe('freiraum_request_escalated', data).title).toBe('Freiraum-Antrag weitergereicht');
    expect(
      describeDe('freiraum_delegation_received', { managerId: 'm', startsOn: '2026-12-01', endsOn: '2026-12-14' }),
    ).toEqual({
      title: 'Sie sind als Vertretung eingetragen',
      text: 'Vom 01.12.2026 bis 14.12.2026 entscheiden Sie über Freiraum-Anträge eines Teams.',
    });
    expect(describeDe('freiraum_request_cancelled', { requestId: 'r' })).toEqual({
      title: 'Freiraum-Antrag storniert',
      text: null,
    });

    await i18n.changeLanguage('en');
    expect(
      describeNotification(n('freiraum_request_cancelled', { ...data, userName: 'Lena Hoffmann' }), i18n.t).text,
    ).toBe('Lena Hoffmann cancelled the request for 24 Nov 2026 (1.5 hours).');
  });
});
