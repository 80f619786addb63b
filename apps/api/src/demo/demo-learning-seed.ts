import { Injectable, Logger } from '@nestjs/common';
import type { ExerciseContent, PromptContent, QuizContent, ReviewContent } from '@freiraum/content';
import type { Role } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { LearningService } from '../learning/learning.service.js';
import { AssignmentsService } from '../learning/assignments.service.js';
import { ContentImportService } from '../learning/content-import.service.js';
import { DEMO_ORGANIZATION_NAME } from './demo-data.js';

const DAY = 86_400_000;

// Learning history for the demo organisation, made by acting as its people through the real services —
// so activity log, completions, certificates, reviews and notifications are exactly what use would leave.
// Time is moved back for the history and restored afterwards (this runs before the app takes requests).

interface Person extends AuthUser {
  email: string;
}

/** How far each demo person got: modules of their path fully done, and what happens in the next one. */
const PLAN: Record<string, { done: number; next?: 'started' | 'practice_pending' | 'revision' | 'failed_prompt' }> = {
  'verwaltung@muster.example': { done: 99 },
  // sales@ has read into the second module and not tried its exercises yet (the browser test finishes it).
  'sales@muster.example': { done: 1, next: 'started' },
  'andreas.vogel@muster.example': { done: 1, next: 'practice_pending' },
  'translation@muster.example': { done: 1, next: 'practice_pending' },
  'manager@muster.example': { done: 2, next: 'started' },
  'chefin@muster.example': { done: 1, next: 'practice_pending' },
  'hr@muster.example': { done: 1, next: 'failed_prompt' },
  'admin@muster.example': { done: 1 },
  'stefan.krueger@muster.example': { done: 3, next: 'revision' },
};

@Injectable()
export class DemoLearningSeedService {
  private readonly log = new Logger('DemoLearningSeed');

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly learning: LearningService,
    private readonly assignments: AssignmentsService,
    private readonly contentImport: ContentImportService,
  ) {}

  async seed(): Promise<void> {
    await this.contentImport.importOnce();
    const people: Person[] = (
      await this.tx.manager.query(
        `SELECT u.id, u.organization_id AS "organizationId", u.roles, u.manager_id AS "managerId", u.email
           FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE o.name = $1 AND u.active ORDER BY u.created_at, u.email`,
        [DEMO_ORGANIZATION_NAME],
      )
    ).map((p: Person & { roles: Role[] }) => p);
    if (!people.length) return;
    if ((await this.tx.manager.query(`SELECT 1 FROM exercise_attempts WHERE organization_id = $1 LIMIT 1`, [people[0].organizationId])).length) return;

    const start = this.clock.now();
    try {
      // Everyone else gets a varied start, so every department has figures above the privacy threshold.
      let i = 0;
      for (const person of people) {
        const plan = PLAN[person.email] ?? { done: i % 3, next: i % 2 ? ('started' as const) : undefined };
        i++;
        this.clock.set(new Date(start.getTime() - (40 - (i % 30)) * DAY));
        await this.walk(person, plan, people);
      }
      this.clock.set(new Date(start.getTime() - 10 * DAY));
      const hr = people.find((p) => p.email === 'hr@muster.example')!;
      const managers = people.filter((p) => p.roles.includes('manager')).map((p) => p.id);
      await this.assignments.assign(hr, { pathSlug: 'leadership', userIds: managers, departmentId: null, dueDate: isoDate(start.getTime() + 21 * DAY) });
      const [admin] = await this.tx.manager.query(`SELECT id FROM departments WHERE organization_id = $1 AND name = 'Verwaltung'`, [hr.organizationId]);
      if (admin) await this.assignments.assign(hr, { pathSlug: 'administration', userIds: [], departmentId: admin.id, dueDate: isoDate(start.getTime() + 5 * DAY) });
    } finally {
      this.clock.reset();
    }
    this.log.log('Seeded learning history for the demo organisation');
  }

  private async walk(person: Person, plan: { done: number; next?: string }, people: Person[]): Promise<void> {
    const [own] = (await this.learning.listPaths(person)).items.filter((p) => p.isOwnTrack);
    if (!own) return;
    const overview = await this.learning.pathOverview(person, own.slug);
    for (const [index, card] of overview.modules.entries()) {
      if (index >= plan.done && !(index === plan.done && plan.next)) break;
      const module = await this.learning.moduleDetail(person, card.slug);
      const finishing = index < plan.done;
      for (const item of module.items) {
        this.clock.advance(37 * 60_000);
        if (item.kind === 'lesson') {
          await this.learning.readLesson(person, item.id);
          continue;
        }
        const exercise = (await this.tx.manager.query(`SELECT content FROM learning_items WHERE id = $1`, [item.id]))[0].content as ExerciseContent;
        if (!finishing) {
          if (plan.next === 'failed_prompt' && exercise.type === 'prompt') {
            await this.learning.submitAttempt(person, item.id, { language: 'de', answer: { prompt: 'Schreib mir was zu KI.' } });
            return;
          }
          if (exercise.type !== 'practice') {
            if (plan.next === 'started') return;
            await this.learning.submitAttempt(person, item.id, { language: 'de', answer: solve(exercise) });
            continue;
          }
          // One pending submission names a tool with data it may not receive: a governance flag to decide.
          const answer = person.email === 'translation@muster.example' ? practiceAnswer(card.slug, 'deepl-pro', 'personal') : practiceAnswer(card.slug);
          const result = await this.learning.submitAttempt(person, item.id, { language: 'de', answer });
          if (plan.next === 'revision') {
            const reviewer = people.find((p) => p.id === person.managerId);
            if (reviewer) {
              await this.learning.decideReview(reviewer, result.attempt.id, {
                decision: 'revise',
                feedback: 'Guter Ansatz! Beschreiben Sie bitte noch, wie Sie die Zahlen im Ergebnis geprüft haben.',
              });
            }
          }
          return;
        }
        if (exercise.type === 'practice') {
          const result = await this.learning.submitAttempt(person, item.id, { language: 'de', answer: practiceAnswer(card.slug) });
          const reviewerId = (await this.tx.manager.query(`SELECT reviewer_id FROM exercise_attempts WHERE id = $1`, [result.attempt.id]))[0].reviewer_id;
          const reviewer = people.find((p) => p.id === reviewerId);
          if (reviewer) {
            this.clock.advance(DAY);
            await this.learning.decideReview(reviewer, result.attempt.id, { decision: 'accept', feedback: 'Sehr gut dokumentiert – danke fürs Teilen!' });
          }
        } else if (item.exercise && exercise.required) {
          await this.learning.submitAttempt(person, item.id, { language: 'de', answer: solve(exercise) });
        }
      }
    }
  }
}

/** A correct answer straight from the content (the demo people are diligent). */
function solve(exercise: ExerciseContent): Record<string, unknown> {
  switch (exercise.type) {
    case 'quiz':
      return { answers: Object.fromEntries((exercise as QuizContent).questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)])) };
    case 'prompt': {
      const good = (exercise as PromptContent).examples.good.find((g) => g.lang === 'de') ?? (exercise as PromptContent).examples.good[0];
      return { prompt: good.text };
    }
    case 'review': {
      const doc = (exercise as ReviewContent).document.de;
      return {
        marks: (exercise as ReviewContent).problems.map((p) => {
          const start = doc.indexOf(p.quote.de);
          return { start, end: start + p.quote.de.length, category: p.category };
        }),
      };
    }
    case 'reflection':
      return {
        text: 'Mir ist klar geworden, dass KI mir vor allem bei Routinetexten Zeit spart, ich aber jede Aussage prüfen muss. '.repeat(
          Math.ceil(exercise.minLength / 100),
        ),
      };
    case 'practice':
      return practiceAnswer(exercise.slug);
  }
}

function practiceAnswer(slug: string, toolId = 'm365-copilot', dataClass = 'internal'): Record<string, unknown> {
  return {
    whatIDid: `Für das Modul ${slug} habe ich mit dem freigegebenen Copilot einen ersten Entwurf für eine echte Aufgabe aus meinem Alltag erstellt und ihn danach selbst überarbeitet.`,
    result: 'Ein Entwurf, der mir etwa eine Stunde Arbeit gespart hat; zwei Absätze habe ich komplett neu geschrieben.',
    howChecked: 'Alle Zahlen und Namen mit den Originalunterlagen abgeglichen und den Text einer Kollegin zum Gegenlesen gegeben.',
    toolId,
    dataClass,
  };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
