import type { ContentLanguage, PromptContent } from '../schema.js';

// A deterministic rubric, not an AI: each criterion is a set of patterns for German and English prompts.

export type PersonalDataKind = 'email' | 'phone' | 'iban' | 'name';

// Order matters: an IBAN is found (and blanked out) before its digit groups could pass for a phone number.
const PERSONAL_DATA: { kind: Exclude<PersonalDataKind, 'name'>; pattern: RegExp }[] = [
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b/u },
  { kind: 'email', pattern: /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[a-z]{2,}/iu },
  // International (+49 …) or German national (0… with an area code) numbers with at least 7 digits.
  { kind: 'phone', pattern: /(?<![\w.,])(?:\+|00)[1-9][\d\s/()-]{6,}\d|(?<![\w.,])0[1-9]\d{1,4}[\s/-]?\d{3,}(?:[\s-]\d{2,})*/u },
];

export interface PromptCriterionResult {
  id: string;
  passed: boolean;
  weight: number;
  label: string;
  explanation: string;
}

export interface PromptGrade {
  score: number;
  passed: boolean;
  criteria: PromptCriterionResult[];
  personalData: { kind: PersonalDataKind; match: string }[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findPersonalData(text: string, names: string[]): PromptGrade['personalData'] {
  const found: PromptGrade['personalData'] = [];
  let rest = text;
  for (const { kind, pattern } of PERSONAL_DATA) {
    const m = rest.match(pattern);
    if (!m) continue;
    found.push({ kind, match: m[0].trim() });
    rest = rest.replace(m[0], ' '.repeat(m[0].length));
  }
  for (const name of names) {
    const m = text.match(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'iu'));
    if (m) found.push({ kind: 'name', match: m[0] });
  }
  return found;
}

export function compileCriterionPatterns(patterns: PromptContent['criteria'][number]['patterns']): RegExp[] {
  return [...patterns.de, ...patterns.en].map((p) => new RegExp(p, 'iu'));
}

/** A criterion passes when any German or English pattern matches; personal data fails the prompt outright. */
export function gradePrompt(exercise: PromptContent, prompt: string, lang: ContentLanguage): PromptGrade {
  const text = prompt.trim();
  const criteria = exercise.criteria.map((c) => ({
    id: c.id,
    passed: text.length > 0 && compileCriterionPatterns(c.patterns).some((re) => re.test(text)),
    weight: c.weight,
    label: c.label[lang],
    explanation: c.explanation[lang],
  }));
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const earned = criteria.filter((c) => c.passed).reduce((sum, c) => sum + c.weight, 0);
  const personalData = findPersonalData(text, exercise.personalNames);
  const score = total === 0 ? 0 : earned / total;
  return { score, passed: score >= exercise.passMark && personalData.length === 0, criteria, personalData };
}
