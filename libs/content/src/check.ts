import { gradePrompt } from './grading/prompt.js';
import { loadContent, DEFAULT_CONTENT_DIR, type ContentProblem, type LoadedContent } from './load.js';

/** Cross-file rules the schema alone cannot express. */
export function checkContent(content: LoadedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const moduleFile = (slug: string) => `modules/${slug}/module.yaml`;
  const modules = new Map(content.modules.map((m) => [m.slug, m]));
  const tracks = new Set(content.tracks.map((t) => t.slug));

  for (const p of content.paths) {
    const file = `paths/${p.slug}.yaml`;
    if (!tracks.has(p.track)) problems.push({ file, line: 1, message: `track ${p.track} is not in tracks.yaml` });
    const seen = new Set<string>();
    p.modules.forEach((slug, index) => {
      const mod = modules.get(slug);
      if (!mod) return problems.push({ file, line: 1, message: `module ${slug} does not exist` });
      if (seen.has(slug)) problems.push({ file, line: 1, message: `module ${slug} appears twice` });
      seen.add(slug);
      for (const pre of mod.prerequisites) {
        const at = p.modules.indexOf(pre);
        if (at > index) problems.push({ file, line: 1, message: `module ${slug} comes before its prerequisite ${pre}` });
      }
    });
  }

  for (const mod of content.modules) {
    const file = moduleFile(mod.slug);
    for (const pre of mod.prerequisites) {
      if (!modules.has(pre)) problems.push({ file, line: 1, message: `prerequisite ${pre} does not exist` });
      if (pre === mod.slug) problems.push({ file, line: 1, message: 'a module cannot be its own prerequisite' });
    }
    if (new Set(mod.items).size !== mod.items.length) problems.push({ file, line: 1, message: 'an item appears twice' });
    for (const r of mod.retired) {
      if (mod.items.includes(r)) problems.push({ file, line: 1, message: `retired ${r} is still listed in items` });
    }
    const exercises = content.exercises.filter((e) => e.module === mod.slug);
    // Reading alone never completes a module (PRODUCT.md §2).
    if (!exercises.some((e) => e.required)) problems.push({ file, line: 1, message: 'needs at least one required exercise' });
  }
  problems.push(...prerequisiteCycles(content));

  for (const ex of content.exercises) {
    const file = `modules/${ex.module}/${ex.slug}.yaml`;
    switch (ex.type) {
      case 'quiz':
        for (const q of ex.questions) {
          const right = q.options.filter((o) => o.correct).length;
          if (q.kind === 'single' && right !== 1) problems.push({ file, line: 1, message: `question ${q.id}: single choice needs exactly one correct option` });
          if (q.kind === 'multiple' && right < 1) problems.push({ file, line: 1, message: `question ${q.id}: needs at least one correct option` });
          if (new Set(q.options.map((o) => o.id)).size !== q.options.length) problems.push({ file, line: 1, message: `question ${q.id}: option ids repeat` });
        }
        break;
      case 'prompt': {
        let compiled = true;
        for (const c of ex.criteria) {
          for (const pattern of [...c.patterns.de, ...c.patterns.en]) {
            try {
              new RegExp(pattern, 'iu');
            } catch (err) {
              compiled = false;
              problems.push({ file, line: 1, message: `criterion ${c.id}: invalid pattern ${pattern}: ${(err as Error).message}` });
            }
          }
        }
        if (!compiled) break;
        // The rubric must tell good from bad prompts, or it teaches nothing (PRODUCT.md §2).
        ex.examples.good.forEach((g, i) => {
          const grade = gradePrompt(ex, g.text, g.lang);
          if (!grade.passed) {
            const failed = grade.criteria.filter((c) => !c.passed).map((c) => c.id);
            const pii = grade.personalData.map((d) => `${d.kind} "${d.match}"`);
            problems.push({ file, line: 1, message: `good example ${i + 1} (${g.lang}) fails the rubric (score ${grade.score.toFixed(2)}; failed: ${[...failed, ...pii].join(', ')})` });
          }
        });
        ex.examples.bad.forEach((b, i) => {
          const grade = gradePrompt(ex, b.text, b.lang);
          if (grade.passed) problems.push({ file, line: 1, message: `bad example ${i + 1} (${b.lang}) passes the rubric (score ${grade.score.toFixed(2)})` });
        });
        break;
      }
      case 'review':
        for (const p of ex.problems) {
          for (const lang of ['de', 'en'] as const) {
            const doc = ex.document[lang];
            const first = doc.indexOf(p.quote[lang]);
            if (first < 0) problems.push({ file, line: 1, message: `problem ${p.id}: ${lang} quote not found in the ${lang} document` });
            else if (doc.indexOf(p.quote[lang], first + 1) >= 0) problems.push({ file, line: 1, message: `problem ${p.id}: ${lang} quote occurs more than once` });
          }
        }
        break;
      case 'practice':
      case 'reflection':
        break;
      default: {
        const never: never = ex;
        void never;
      }
    }
  }
  return problems;
}

function prerequisiteCycles(content: LoadedContent): ContentProblem[] {
  const graph = new Map(content.modules.map((m) => [m.slug, m.prerequisites]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: ContentProblem[] = [];
  const visit = (slug: string, trail: string[]) => {
    if (state.get(slug) === 'done') return;
    if (state.get(slug) === 'visiting') {
      problems.push({ file: `modules/${slug}/module.yaml`, line: 1, message: `prerequisite cycle: ${[...trail, slug].join(' → ')}` });
      return;
    }
    state.set(slug, 'visiting');
    for (const pre of graph.get(slug) ?? []) visit(pre, [...trail, slug]);
    state.set(slug, 'done');
  };
  for (const slug of graph.keys()) visit(slug, []);
  return problems;
}

export function loadAndCheck(dir = DEFAULT_CONTENT_DIR): { content: LoadedContent; problems: ContentProblem[] } {
  const { content, problems } = loadContent(dir);
  return { content, problems: [...problems, ...checkContent(content)] };
}
