import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import {
  bilingual,
  exerciseSchema,
  lessonFrontMatterSchema,
  moduleSchema,
  pathSchema,
  slug,
  type ExerciseContent,
  type LessonContent,
  type ModuleContent,
  type PathContent,
} from './schema.js';

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export const trackListSchema = z.array(z.strictObject({ slug, title: bilingual }));
export type TrackContent = z.infer<typeof trackListSchema>[number];

export interface LoadedModule extends ModuleContent {
  /** Hash of everything a learner sees in the module; changes when the module changes. */
  version: string;
}

export type LoadedExercise = ExerciseContent & { module: string; version: string };

export interface LoadedContent {
  tracks: TrackContent[];
  paths: PathContent[];
  modules: LoadedModule[];
  lessons: (LessonContent & { module: string; version: string })[];
  exercises: LoadedExercise[];
}

export const DEFAULT_CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../content');

/** Stable hash of a JSON value (keys sorted), used as the content version of an exercise or lesson. */
export function contentHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex').slice(0, 12);
}

function parseYaml<T>(
  file: string,
  source: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
  rel: string,
  lineOffset = 0,
): T | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    // With prettyErrors off, linePos stays empty: work the line out from the error's offset.
    for (const e of doc.errors) problems.push({ file: rel, line: lineCounter.linePos(e.pos[0]).line + lineOffset, message: e.message });
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // Walk up the path until a node with a position is found, so the line points at the culprit.
    let line = 1;
    for (let depth = issue.path.length; depth >= 0; depth--) {
      const node = doc.getIn(issue.path.slice(0, depth) as (string | number)[], true);
      if (isNode(node) && node.range) {
        line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const message =
      issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
    problems.push({ file: rel, line: line + lineOffset, message: `${where}${message}` });
  }
  void file;
  return undefined;
}

function splitFrontMatter(source: string): { front: string; body: string; bodyLine: number } | null {
  const m = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  if (!m) return null;
  return { front: m[1], body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Reads the content tree. Problems are collected, not thrown, so a check reports all of them at once. */
export function loadContent(dir = DEFAULT_CONTENT_DIR): { content: LoadedContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const rel = (f: string) => path.relative(dir, f) || f;
  const read = (f: string) => readFileSync(f, 'utf8');
  const content: LoadedContent = { tracks: [], paths: [], modules: [], lessons: [], exercises: [] };

  const tracksFile = path.join(dir, 'tracks.yaml');
  if (existsSync(tracksFile)) content.tracks = parseYaml(tracksFile, read(tracksFile), trackListSchema, problems, rel(tracksFile)) ?? [];
  else problems.push({ file: 'tracks.yaml', line: 1, message: 'missing' });

  const pathsDir = path.join(dir, 'paths');
  for (const name of existsSync(pathsDir) ? readdirSync(pathsDir).sort() : []) {
    if (!name.endsWith('.yaml')) continue;
    const f = path.join(pathsDir, name);
    const p = parseYaml(f, read(f), pathSchema, problems, rel(f));
    if (!p) continue;
    if (`${p.slug}.yaml` !== name) problems.push({ file: rel(f), line: 1, message: `slug ${p.slug} must match the file name` });
    content.paths.push(p);
  }

  const modulesDir = path.join(dir, 'modules');
  for (const moduleSlug of existsSync(modulesDir) ? readdirSync(modulesDir).sort() : []) {
    const mdir = path.join(modulesDir, moduleSlug);
    const mf = path.join(mdir, 'module.yaml');
    if (!existsSync(mf)) {
      problems.push({ file: rel(mdir), line: 1, message: 'module.yaml missing' });
      continue;
    }
    const mod = parseYaml(mf, read(mf), moduleSchema, problems, rel(mf));
    if (!mod) continue;
    if (mod.slug !== moduleSlug) problems.push({ file: rel(mf), line: 1, message: `slug ${mod.slug} must match the folder name` });
    const versions: string[] = [];
    for (const item of mod.items) {
      const exerciseFile = path.join(mdir, `${item}.yaml`);
      const lessonFiles = { de: path.join(mdir, `${item}.de.md`), en: path.join(mdir, `${item}.en.md`) };
      if (existsSync(exerciseFile)) {
        const ex = parseYaml(exerciseFile, read(exerciseFile), exerciseSchema, problems, rel(exerciseFile));
        if (!ex) continue;
        if (ex.slug !== item) problems.push({ file: rel(exerciseFile), line: 1, message: `slug ${ex.slug} must match the file name` });
        const version = contentHash(ex);
        versions.push(version);
        content.exercises.push({ ...ex, module: mod.slug, version });
      } else if (existsSync(lessonFiles.de) || existsSync(lessonFiles.en)) {
        const lesson: Partial<LessonContent> = { slug: item, title: { de: '', en: '' }, body: { de: '', en: '' } };
        let ok = true;
        for (const lang of ['de', 'en'] as const) {
          const f = lessonFiles[lang];
          if (!existsSync(f)) {
            problems.push({ file: rel(f), line: 1, message: `lesson ${item} has no ${lang === 'de' ? 'German' : 'English'} version` });
            ok = false;
            continue;
          }
          const split = splitFrontMatter(read(f));
          if (!split) {
            problems.push({ file: rel(f), line: 1, message: 'front matter (--- title: … ---) missing' });
            ok = false;
            continue;
          }
          const front = parseYaml(f, split.front, lessonFrontMatterSchema, problems, rel(f), 1);
          if (!front) {
            ok = false;
            continue;
          }
          if (split.body.trim().length < 50) {
            problems.push({ file: rel(f), line: split.bodyLine, message: 'lesson body is missing or too short' });
            ok = false;
          }
          lesson.title![lang] = front.title;
          lesson.body![lang] = split.body.trim();
        }
        if (ok) {
          const version = contentHash(lesson);
          versions.push(version);
          content.lessons.push({ ...(lesson as LessonContent), module: mod.slug, version });
        }
      } else {
        problems.push({ file: rel(mf), line: 1, message: `item ${item}: neither ${item}.yaml (exercise) nor ${item}.de.md/.en.md (lesson) exists` });
      }
    }
    content.modules.push({ ...mod, version: contentHash({ mod, versions }) });
  }
  return { content, problems };
}
