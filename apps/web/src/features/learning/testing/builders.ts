import type { AttemptResult, AttemptSummary, ModuleCard, ModuleDetail, PathOverview } from '@freiraum/contracts';

// Test data for the learning pages, shaped like the API's answers.

let n = 0;
export const uuid = () => `50000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
export const both = (de: string, en = de) => ({ de, en });

export function buildModuleCard(slug: string, overrides: Partial<ModuleCard> = {}): ModuleCard {
  return {
    id: uuid(),
    slug,
    title: both(`Modul ${slug}`, `Module ${slug}`),
    summary: both('Worum es geht.', 'What it is about.'),
    why: both('Weil es zählt.', 'Because it matters.'),
    level: 'foundations',
    minutes: 40,
    prerequisites: [],
    status: 'not_started',
    requiredDone: 0,
    requiredTotal: 2,
    ...overrides,
  };
}

export function buildPath(overrides: Partial<PathOverview> = {}): PathOverview {
  const modules = overrides.modules ?? [];
  return {
    id: uuid(),
    slug: 'sales',
    trackSlug: 'sales',
    title: both('KI im Vertrieb', 'AI in sales'),
    summary: both('Für den Vertrieb.', 'For sales.'),
    isOwnTrack: true,
    assigned: false,
    dueDate: null,
    completed: 0,
    total: modules.length,
    status: 'in_progress',
    nextModule: null,
    modules,
    ...overrides,
  };
}

export function buildModule(items: ModuleDetail['items'], overrides: Partial<ModuleDetail> = {}): ModuleDetail {
  return { ...buildModuleCard('ai-basics', { status: 'in_progress' }), missingPrerequisites: [], items, ...overrides };
}

export function exerciseItem(
  slug: string,
  type: 'quiz' | 'prompt' | 'review' | 'practice' | 'reflection',
  body: Record<string, unknown>,
  overrides: Partial<ModuleDetail['items'][number]> = {},
): ModuleDetail['items'][number] {
  return {
    id: uuid(),
    slug,
    kind: 'exercise',
    lesson: null,
    exercise: { type, title: both(`Übung ${slug}`, `Exercise ${slug}`), required: true, body },
    passed: false,
    lastAttempt: null,
    ...overrides,
  };
}

export function lessonItem(slug: string, body: string, read = false): ModuleDetail['items'][number] {
  return {
    id: uuid(),
    slug,
    kind: 'lesson',
    lesson: { title: both(`Lektion ${slug}`), body: both(body), read },
    exercise: null,
    passed: false,
    lastAttempt: null,
  };
}

export function attempt(overrides: Partial<AttemptSummary> = {}): AttemptSummary {
  return {
    id: uuid(),
    createdAt: new Date().toISOString(),
    contentVersion: 'v1',
    score: 1,
    passed: true,
    status: 'graded',
    feedback: {},
    answer: {},
    reviewNote: null,
    ...overrides,
  };
}

export function attemptResult(a: AttemptSummary, overrides: Partial<AttemptResult> = {}): AttemptResult {
  return { attempt: a, moduleStatus: 'in_progress', moduleCompletedNow: false, ...overrides };
}
