import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api-client';
import { translateMessage, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';

const CHOICE_FIELDS = new Set(['toolId', 'dataClass', 'outcome', 'visibility']);

// The contract's journal messages (English, also sent back by the API) in the reader's language.
const KNOWN: [RegExp, (t: TFunction, m: RegExpMatchArray) => string][] = [
  [/at least (\d+) characters/, (t, m) => t('validation.tooShort', { count: Number(m[1]) })],
  [/whole minutes/, (t) => t('journal.form.errors.wholeMinutes')],
  [/required for another tool/, (t) => t('journal.form.errors.toolName')],
  [/expected number to be >=\s*0/, (t) => t('journal.form.errors.minutesMin')],
  [/expected number to be <=\s*(\d+)/, (t, m) => t('journal.form.errors.minutesMax', { max: Number(m[1]) })],
];

export function journalMessage(message: string, t: TFunction): string {
  for (const [pattern, render] of KNOWN) {
    const match = message.match(pattern);
    if (match) return render(t, match);
  }
  return translateMessage(message, t);
}

/** Client check of the create form: the shared mapping, with the journal's own wording where it reads better. */
export function journalFormErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out = zodFieldErrors(error, t);
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    // The first issue per field speaks, as in the shared mapping.
    if (seen.has(field)) continue;
    seen.add(field);
    if (CHOICE_FIELDS.has(field)) out[field] = t('journal.form.errors.choose');
    else if (field === 'toolName') out[field] = t('journal.form.errors.toolName');
    else if (field === 'minutesSaved') {
      out[field] =
        issue.code === 'too_small'
          ? t('journal.form.errors.minutesMin')
          : issue.code === 'too_big'
            ? t('journal.form.errors.minutesMax', { max: Number(issue.maximum) })
            : issue.code === 'invalid_type' && issue.expected === 'int'
              ? t('journal.form.errors.wholeMinutes')
              : t('validation.required');
    }
  }
  return out;
}

/** The API's field errors (the same field names as the contract), in the reader's language. */
export function journalApiErrors(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) out[field] = journalMessage(message, t);
  return out;
}
