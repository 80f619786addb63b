import type { ContentLanguage, ReviewCategory, ReviewContent } from '../schema.js';
import { AnswerError } from './quiz.js';

// A problem is found when at least half of its quoted text is marked, with full credit for the right
// category and half for a wrong one. Each mark counts for the one problem it overlaps most, and only if
// at least half of the mark lies inside that problem; any other mark is a false alarm that costs half a
// point and finds nothing — so marking the whole text scores zero.

export interface ReviewMark {
  start: number;
  end: number;
  category: ReviewCategory;
}

export interface LocatedProblem {
  id: string;
  start: number;
  end: number;
}

export interface ReviewGrade {
  score: number;
  passed: boolean;
  found: { id: string; category: ReviewCategory; categoryCorrect: boolean; explanation: string; quote: string }[];
  missed: { id: string; category: ReviewCategory; explanation: string; quote: string }[];
  falseAlarms: { start: number; end: number; text: string }[];
}

export const FALSE_ALARM_COST = 0.5;
const MIN_SHARE_INSIDE = 1 / 2;

export function locateProblems(exercise: ReviewContent, lang: ContentLanguage): LocatedProblem[] {
  const doc = exercise.document[lang];
  return exercise.problems.map((p) => {
    const start = doc.indexOf(p.quote[lang]);
    if (start < 0) throw new Error(`problem ${p.id}: quote not found in the ${lang} document`);
    return { id: p.id, start, end: start + p.quote[lang].length };
  });
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Length of the union of ranges intersected with `span`. */
function coveredLength(span: { start: number; end: number }, ranges: { start: number; end: number }[]): number {
  const parts = ranges
    .map((r) => ({ start: Math.max(r.start, span.start), end: Math.min(r.end, span.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let cursor = span.start;
  for (const p of parts) {
    const from = Math.max(cursor, p.start);
    if (p.end > from) total += p.end - from;
    cursor = Math.max(cursor, p.end);
  }
  return total;
}

export function gradeReview(exercise: ReviewContent, lang: ContentLanguage, marks: ReviewMark[]): ReviewGrade {
  const doc = exercise.document[lang];
  marks.forEach((m, i) => {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > doc.length || m.end <= m.start) {
      throw new AnswerError(`marks.${i}`, `must be a range within the text (0–${doc.length}) with end after start`);
    }
  });
  const located = locateProblems(exercise, lang);
  const supporting = located.map(() => [] as ReviewMark[]);
  const falseAlarms: ReviewGrade['falseAlarms'] = [];
  for (const m of marks) {
    let best = -1;
    let bestOverlap = 0;
    located.forEach((p, i) => {
      const o = overlap(m, p);
      if (o > bestOverlap) [best, bestOverlap] = [i, o];
    });
    if (best >= 0 && bestOverlap / (m.end - m.start) >= MIN_SHARE_INSIDE) supporting[best].push(m);
    else falseAlarms.push({ start: m.start, end: m.end, text: doc.slice(m.start, m.end) });
  }
  const found: ReviewGrade['found'] = [];
  const missed: ReviewGrade['missed'] = [];
  let points = 0;
  exercise.problems.forEach((p, i) => {
    const span = located[i];
    const covered = coveredLength(span, supporting[i]);
    const base = { id: p.id, category: p.category, explanation: p.explanation[lang], quote: p.quote[lang] };
    if (covered * 2 >= span.end - span.start) {
      const categoryCorrect = supporting[i].some((m) => m.category === p.category);
      points += categoryCorrect ? 1 : 0.5;
      found.push({ ...base, categoryCorrect });
    } else {
      missed.push(base);
    }
  });
  const score = Math.max(0, points - FALSE_ALARM_COST * falseAlarms.length) / exercise.problems.length;
  return { score, passed: score >= exercise.passMark, found, missed, falseAlarms };
}
