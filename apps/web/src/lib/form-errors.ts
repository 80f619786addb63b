import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** Parse options for form checks: keep each issue's input so an empty field reads "required", not "invalid". */
export const FORM_PARSE = { reportInput: true } as const;

// The API and the contracts speak English; these known phrases get the reader's language.
const KNOWN_MESSAGES: [RegExp, (t: TFunction, m: RegExpMatchArray) => string][] = [
  [/^is required$/, (t) => t('validation.required')],
  [/^must not be empty$/, (t) => t('validation.required')],
  [/^must be a valid e-mail address$/, (t) => t('validation.email')],
  [/^must be at least (\d+) characters$/, (t, m) => t('validation.tooShort', { count: Number(m[1]) })],
  [/^must contain at least one role$/, (t) => t('validation.atLeastOneRole')],
  [/^is not a known IANA time zone$/, (t) => t('validation.timeZone')],
  [/^is used twice$/, (t) => t('validation.duplicate')],
  [/^is already in use$/, (t) => t('validation.inUse')],
  [/^is not an allowed field$/, (t) => t('validation.unknownField')],
  [/^must be lower-case letters, digits and dashes$/, (t) => t('validation.slug')],
];

export function translateMessage(message: string, t: TFunction): string {
  for (const [pattern, render] of KNOWN_MESSAGES) {
    const match = message.match(pattern);
    if (match) return render(t, match);
  }
  return message;
}

function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  if (typeof issue.input === 'string' && issue.input.trim() === '') {
    return t('validation.required');
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { count: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.atLeastOne');
      return t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : translateMessage(issue.message, t);
    case 'invalid_type':
      return t('validation.required');
    default:
      return translateMessage(issue.message, t);
  }
}

/** Field path ("tools.0.id") → translated message, first issue per field. */
export function zodFieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (!(field in out)) out[field] = issueMessage(issue, t);
  }
  return out;
}

export function apiFieldErrors(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) out[field] = translateMessage(message, t);
  return out;
}

/** A sentence for the whole form or page: what went wrong, in the reader's language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('errors.network');
      case 401:
        return t('errors.unauthenticated');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return error.details.length > 0 ? t('errors.checkFields') : t('errors.conflict', { message: error.message });
      case 429:
        return error.retryAfterSeconds
          ? t('errors.tooManyRequestsRetry', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
          : t('errors.tooManyRequests');
      default:
        if (error.status >= 500) return t('errors.server');
        return error.details.length > 0 ? t('errors.checkFields') : error.message;
    }
  }
  return t('errors.unexpected');
}
