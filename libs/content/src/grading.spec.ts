import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCheck } from './check.js';
import { gradePrompt, findPersonalData } from './grading/prompt.js';
import { gradeQuiz, AnswerError } from './grading/quiz.js';
import { gradeReview, locateProblems } from './grading/review.js';
import type { PromptContent, QuizContent, ReviewContent } from './schema.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/valid');
const { content, problems } = loadAndCheck(fixtures);
const ex = <T>(slug: string) => content.exercises.find((e) => e.slug === slug) as unknown as T;

describe('fixture content', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(content.lessons).toHaveLength(1);
    expect(content.exercises.map((e) => e.type).sort()).toEqual(['practice', 'prompt', 'quiz', 'reflection', 'review']);
  });
});

describe('gradeQuiz', () => {
  const quiz = ex<QuizContent>('check-quiz');
  it('passes exact answers and explains every option', () => {
    const g = gradeQuiz(quiz, { confident: ['no'], data: ['names', 'prices'] }, 'en');
    expect(g.score).toBe(1);
    expect(g.passed).toBe(true);
    expect(g.questions[0].options.find((o) => o.id === 'yes')?.explanation).toMatch(/confident tone/);
  });
  it('ticking all options of a multiple-choice question is wrong', () => {
    const g = gradeQuiz(quiz, { confident: ['no'], data: ['names', 'prices', 'brochure'] }, 'de');
    expect(g.questions[1].correct).toBe(false);
    expect(g.score).toBe(0.5);
  });
  it('an empty answer scores zero', () => {
    expect(gradeQuiz(quiz, {}, 'de').score).toBe(0);
  });
  it('rejects unknown questions, unknown options and two options on single choice', () => {
    expect(() => gradeQuiz(quiz, { nope: ['x'] }, 'de')).toThrow(AnswerError);
    expect(() => gradeQuiz(quiz, { confident: ['maybe'] }, 'de')).toThrow(/does not exist/);
    expect(() => gradeQuiz(quiz, { confident: ['yes', 'no'] }, 'de')).toThrow(/only one/);
  });
});

describe('gradePrompt', () => {
  const prompt = ex<PromptContent>('write-prompt');
  it('explains which criteria passed', () => {
    const g = gradePrompt(prompt, 'You are a sales engineer. Write an e-mail.', 'en');
    expect(g.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['role', true],
      ['format', true],
      ['audience', false],
    ]);
    expect(g.score).toBeCloseTo(3 / 4);
    expect(g.criteria[2].explanation).toBe('Tone fits the audience.');
  });
  it('an empty prompt fails every criterion', () => {
    const g = gradePrompt(prompt, '   ', 'de');
    expect(g.score).toBe(0);
    expect(g.passed).toBe(false);
  });
  it('personal data fails an otherwise perfect prompt', () => {
    const text = 'Du bist Vertriebsmitarbeiter. Schreibe eine E-Mail an den Kunden, Kontakt: p.klein@kunde.de';
    const g = gradePrompt(prompt, text, 'de');
    expect(g.score).toBe(1);
    expect(g.passed).toBe(false);
    expect(g.personalData).toEqual([{ kind: 'email', match: 'p.klein@kunde.de' }, { kind: 'name', match: 'klein' }]);
  });
  it('finds phone numbers and IBANs but not ordinary numbers', () => {
    expect(findPersonalData('Ruf an: +49 171 2345678', []).map((d) => d.kind)).toEqual(['phone']);
    expect(findPersonalData('Tel. 0711 123456', []).map((d) => d.kind)).toEqual(['phone']);
    expect(findPersonalData('IBAN DE89 3704 0044 0532 0130 00', []).map((d) => d.kind)).toEqual(['iban']);
    expect(findPersonalData('Maximal 200 Wörter, 3 Absätze, Stand 2026.', [])).toEqual([]);
  });
});

describe('gradeReview', () => {
  const review = ex<ReviewContent>('spot-problems');
  const doc = review.document.en;
  const span = (quote: string) => ({ start: doc.indexOf(quote), end: doc.indexOf(quote) + quote.length });
  const [speed, study, phone] = locateProblems(review, 'en');

  it('counts a problem found when at least half is marked, with category credit', () => {
    const half = { start: speed.start, end: speed.start + Math.ceil((speed.end - speed.start) / 2), category: 'fact' as const };
    const g = gradeReview(review, 'en', [half, { ...span(study.start >= 0 ? doc.slice(study.start, study.end) : ''), category: 'tone' }]);
    expect(g.found.map((f) => [f.id, f.categoryCorrect])).toEqual([
      ['speed', true],
      ['study', false],
    ]);
    expect(g.missed.map((m) => m.id)).toEqual(['phone']);
    expect(g.score).toBeCloseTo(1.5 / 3);
  });

  it('less than half marked is not found', () => {
    const g = gradeReview(review, 'en', [{ start: phone.start, end: phone.start + 5, category: 'data_protection' }]);
    expect(g.found).toEqual([]);
  });

  it('overlapping marks are merged, not double-counted', () => {
    const mid = Math.floor((phone.start + phone.end) / 2);
    const g = gradeReview(review, 'en', [
      { start: phone.start, end: mid, category: 'data_protection' },
      { start: phone.start + 2, end: mid + 1, category: 'data_protection' },
    ]);
    expect(g.found.map((f) => f.id)).toEqual(['phone']);
    expect(g.falseAlarms).toEqual([]);
  });

  it('false alarms cost points, and marking the whole text scores zero', () => {
    const all = [speed, study, phone].map((p, i) => ({ ...p, category: (['fact', 'invented_source', 'data_protection'] as const)[i] }));
    const perfect = gradeReview(review, 'en', all);
    expect(perfect.score).toBe(1);
    const withAlarm = gradeReview(review, 'en', [...all, { start: 0, end: 3, category: 'tone' }]);
    expect(withAlarm.falseAlarms).toHaveLength(1);
    expect(withAlarm.score).toBeCloseTo(2.5 / 3);
    expect(gradeReview(review, 'en', [{ start: 0, end: doc.length, category: 'fact' }]).score).toBe(0);
  });

  it('rejects marks outside the text', () => {
    expect(() => gradeReview(review, 'en', [{ start: 5, end: doc.length + 1, category: 'fact' }])).toThrow(AnswerError);
    expect(() => gradeReview(review, 'en', [{ start: 5, end: 5, category: 'fact' }])).toThrow(AnswerError);
  });
});
