import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCheck } from './check.js';
import { DEFAULT_CONTENT_DIR } from './load.js';
import { EXERCISE_TYPES, type ExerciseType } from './schema.js';

// The curriculum bar of issue 6, asserted against the real content in libs/content/content so that
// it cannot silently erode when modules are edited or replaced.

const { content, problems } = loadAndCheck();

const TRACKS = ['leadership', 'sales', 'translation', 'administration'];
const INTRO = 'ai-basics';
const MIN_MODULES = 7; // the shared introduction + at least 6 role modules
const HANDS_ON: ExerciseType[] = ['prompt', 'review', 'practice'];
const MIN_REVIEWS_PER_PATH = 3;
const MIN_LESSON_CHARS = 800;

const lessonsOf = (module: string) => content.lessons.filter((l) => l.module === module);
const exercisesOf = (module: string) => content.exercises.filter((e) => e.module === module);
const pathOf = (track: string) => content.paths.find((p) => p.track === track);

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? contentFiles(full) : [full];
  });
}

/** Every `{de, en}` object anywhere in a value, with where it was found. */
function bilingualTexts(value: unknown, where: string): { where: string; de: unknown; en: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => bilingualTexts(v, `${where}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  if ('de' in obj && 'en' in obj) return [{ where, de: obj.de, en: obj.en }];
  return Object.entries(obj).flatMap(([k, v]) => bilingualTexts(v, `${where}.${k}`));
}

describe('curriculum (issue 6)', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
  });

  it('has exactly the four tracks', () => {
    expect(content.tracks.map((t) => t.slug).sort()).toEqual([...TRACKS].sort());
  });

  it('has exactly one path per track', () => {
    for (const track of TRACKS)
      expect(
        content.paths.filter((p) => p.track === track),
        track,
      ).toHaveLength(1);
    expect(content.paths).toHaveLength(TRACKS.length);
  });

  it('has substantial lessons in both languages', () => {
    const short = content.lessons.flatMap((l) =>
      (['de', 'en'] as const)
        .filter((lang) => l.body[lang].length < MIN_LESSON_CHARS)
        .map((lang) => `${l.module}/${l.slug}.${lang}.md: ${l.body[lang].length} characters`),
    );
    expect(short).toEqual([]);
  });

  it('fills both languages of every text', () => {
    const texts = [
      ...content.tracks.flatMap((t) => bilingualTexts(t, `tracks/${t.slug}`)),
      ...content.paths.flatMap((p) => bilingualTexts(p, `paths/${p.slug}`)),
      ...content.modules.flatMap((m) => bilingualTexts(m, `modules/${m.slug}`)),
      ...content.exercises.flatMap((e) => bilingualTexts(e, `${e.module}/${e.slug}`)),
      ...content.lessons.flatMap((l) => bilingualTexts(l, `${l.module}/${l.slug}`)),
    ];
    expect(texts.length).toBeGreaterThan(100);
    // Texts are strings; rubric patterns are lists of strings per language.
    const filled = (v: unknown): boolean =>
      typeof v === 'string' ? v.trim().length > 0 : Array.isArray(v) && v.length > 0 && v.every(filled);
    const empty = texts.filter((t) => !filled(t.de) || !filled(t.en)).map((t) => t.where);
    expect(empty).toEqual([]);
  });

  it('contains no placeholder text', () => {
    const offenders = contentFiles(DEFAULT_CONTENT_DIR).filter((f) => /\bTODO\b|lorem/i.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(DEFAULT_CONTENT_DIR, f))).toEqual([]);
  });

  it('plants at least 3 problems of different categories in every review', () => {
    const weak = content.exercises
      .filter((e) => e.type === 'review' && new Set(e.problems.map((p) => p.category)).size < 3)
      .map((e) => `${e.module}/${e.slug}`);
    expect(weak).toEqual([]);
  });

  it('grades every prompt with 4–6 criteria', () => {
    const off = content.exercises
      .filter((e) => e.type === 'prompt' && (e.criteria.length < 4 || e.criteria.length > 6))
      .map((e) => `${e.module}/${e.slug}`);
    expect(off).toEqual([]);
  });
});

describe.each(TRACKS)('the %s path', (track) => {
  const p = pathOf(track);
  const modules = p?.modules ?? [];
  const exercises = modules.flatMap(exercisesOf);

  it('exists, starts with the shared introduction and has at least 7 modules', () => {
    expect(p, `no path for track ${track}`).toBeDefined();
    expect(modules[0]).toBe(INTRO);
    expect(modules.length).toBeGreaterThanOrEqual(MIN_MODULES);
  });

  it('gives every module a lesson and at least two exercises, one of them hands-on', () => {
    expect(modules.length).toBeGreaterThan(0);
    const gaps = modules.flatMap((slug) => {
      const ex = exercisesOf(slug);
      const gap: string[] = [];
      if (lessonsOf(slug).length < 1) gap.push(`${slug}: no lesson`);
      if (ex.length < 2) gap.push(`${slug}: ${ex.length} exercise(s)`);
      if (!ex.some((e) => HANDS_ON.includes(e.type))) gap.push(`${slug}: nothing hands-on`);
      return gap;
    });
    expect(gaps).toEqual([]);
  });

  it('uses every exercise type and at least 3 reviews', () => {
    expect([...new Set(exercises.map((e) => e.type))].sort()).toEqual([...EXERCISE_TYPES].sort());
    expect(exercises.filter((e) => e.type === 'review').length).toBeGreaterThanOrEqual(MIN_REVIEWS_PER_PATH);
  });

  it('ships at least 2 good and 2 bad examples with every prompt exercise', () => {
    const prompts = exercises.filter((e) => e.type === 'prompt');
    expect(prompts.length).toBeGreaterThan(0);
    const thin = prompts
      .filter((e) => e.type === 'prompt' && (e.examples.good.length < 2 || e.examples.bad.length < 2))
      .map((e) => `${e.module}/${e.slug}`);
    expect(thin).toEqual([]);
  });
});
