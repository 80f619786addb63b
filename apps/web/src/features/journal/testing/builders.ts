import type { AiPolicy, JournalEntry, UseCase } from '@freiraum/contracts';

// Test data for the journal pages, shaped like the API's answers.

let n = 0;
export const uuid = () => `a0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function buildEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: uuid(),
    userId: '60000000-0000-4000-8000-000000000001',
    authorName: 'Erika Muster',
    requestId: null,
    goal: 'Angebotstexte mit KI vorformulieren',
    toolId: 'copilot',
    toolName: 'Microsoft Copilot',
    dataClass: 'internal',
    outcome: 'worked',
    minutesSaved: 45,
    learned: 'Mit einer Vorlage klappt es deutlich besser.',
    visibility: 'private',
    flag: null,
    shareBlockedReason: null,
    kudosCount: 0,
    kudosByMe: false,
    useCaseId: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    canGiveKudos: false,
    canPromote: false,
    ...overrides,
  };
}

export function buildUseCase(overrides: Partial<UseCase> = {}): UseCase {
  return {
    id: uuid(),
    title: 'Angebote mit Copilot vorformulieren',
    summary: 'Eine Vorlage mit Produktdaten, dann nur noch nachschärfen.',
    entryId: uuid(),
    outcome: 'worked',
    minutesSaved: 30,
    toolId: 'copilot',
    toolName: 'Microsoft Copilot',
    trackId: null,
    trackName: null,
    departmentId: null,
    departmentName: 'Vertrieb',
    authorId: '60000000-0000-4000-8000-000000000001',
    authorName: 'Erika Muster',
    promotedByName: 'Mara Manager',
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

export const demoPolicy = (): AiPolicy => ({
  tools: [
    { id: 'copilot', name: 'Microsoft Copilot', allowedDataClasses: ['public', 'internal'], note: '' },
    { id: 'deepl', name: 'DeepL Pro', allowedDataClasses: ['public', 'internal', 'confidential'], note: '' },
  ],
  rules: '',
});
