import { changePasswordRequestSchema, loginRequestSchema } from '@freiraum/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors } from './form-errors';
import { i18n } from './i18n';

const t = i18n.t.bind(i18n);

describe('form errors in the reader language', () => {
  it('an empty field says "required", a malformed one says what is wrong', () => {
    const empty = loginRequestSchema.safeParse({ email: '', password: '' }, FORM_PARSE);
    expect(zodFieldErrors(empty.error!, t)).toEqual({ email: 'Bitte ausfüllen.', password: 'Bitte ausfüllen.' });
    const bad = loginRequestSchema.safeParse({ email: 'nope', password: 'x' }, FORM_PARSE);
    expect(zodFieldErrors(bad.error!, t)).toEqual({ email: 'Bitte eine gültige E-Mail-Adresse eingeben.' });
  });

  it('uses the contract rules (password length) with a translated message', async () => {
    const short = changePasswordRequestSchema.safeParse({ currentPassword: 'old', newPassword: 'short' }, FORM_PARSE);
    expect(zodFieldErrors(short.error!, t)).toEqual({ newPassword: 'Mindestens 12 Zeichen.' });
    await i18n.changeLanguage('en');
    expect(zodFieldErrors(short.error!, t)).toEqual({ newPassword: 'At least 12 characters.' });
  });

  it('translates known API field messages and keeps unknown ones as they are', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      message: 'Invalid body',
      details: [
        { field: 'email', message: 'must be a valid e-mail address' },
        { field: 'tools.0.id', message: 'is used twice' },
        { field: 'line', message: 'something only the server knows' },
      ],
    });
    expect(apiFieldErrors(error, t)).toEqual({
      email: 'Bitte eine gültige E-Mail-Adresse eingeben.',
      'tools.0.id': 'Dieser Wert kommt doppelt vor.',
      line: 'something only the server knows',
    });
    expect(errorMessage(error, t)).toBe('Bitte prüfen Sie die markierten Felder.');
  });

  it('turns statuses into sentences', () => {
    expect(errorMessage(new ApiError(0, null), t)).toMatch(/Keine Verbindung/);
    expect(errorMessage(new ApiError(403, null), t)).toBe('Dafür fehlen Ihnen die Rechte.');
    expect(errorMessage(new ApiError(429, null, 60), t)).toBe('Zu viele Versuche. Bitte warten Sie 1 Minute.');
    expect(errorMessage(new ApiError(500, { message: 'boom' }), t)).toMatch(/Auf unserer Seite/);
    expect(errorMessage(new Error('x'), t)).toMatch(/Unerwartetes/);
  });
});
