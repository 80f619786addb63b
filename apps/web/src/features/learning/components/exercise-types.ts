import type { AttemptResult, AttemptSummary, ModuleDetail } from '@freiraum/contracts';

export type ModuleItem = ModuleDetail['items'][number];

/** What every exercise UI gets from the module page. */
export interface ExerciseProps {
  item: ModuleItem;
  exerciseId: string;
  body: Record<string, unknown>;
  /** The newest attempt: just submitted, or the last one stored. */
  latest: AttemptSummary | null;
  submitting: boolean;
  /** Sends an answer; resolves with the result, or null when the API refused it (the error is shown). */
  submit: (answer: Record<string, unknown>) => Promise<AttemptResult | null>;
  /** API field errors of the last refused answer, keyed without the `answer.` prefix. */
  fieldErrors: Record<string, string>;
  formError: string | null;
}
