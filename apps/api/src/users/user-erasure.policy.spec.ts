import {
  cancelsOnErasure,
  confirmMatches,
  ERASED_ANSWER,
  erasedEmail,
  erasureProblem,
  feedbackWithoutQuotes,
  FREE_TEXT_EXERCISE_TYPES,
  localDate,
  nameToRedact,
  type ErasureTarget,
} from './user-erasure.policy.js';

const target = (over: Partial<ErasureTarget> = {}): ErasureTarget => ({
  id: 'u1',
  email: 'erika@muster.example',
  active: true,
  roles: ['employee'],
  erasedAt: null,
  ...over,
});

describe('erasure rules', () => {
  it('uses the address the readers recognise as erased and that can never receive mail', () => {
    expect(erasedEmail('0b7c')).toBe('erased-0b7c@erased.invalid');
    // journal.repository.ts and certificates.service.ts test `email LIKE 'erased-%'`.
    expect(erasedEmail('0b7c').startsWith('erased-')).toBe(true);
  });

  it('compares the confirmation with the e-mail address ignoring case and spaces', () => {
    expect(confirmMatches('  Erika@Muster.example ', 'erika@muster.example')).toBe(true);
    expect(confirmMatches('erika@muster.exampl', 'erika@muster.example')).toBe(false);
    expect(confirmMatches('', 'erika@muster.example')).toBe(false);
  });

  it('refuses an already erased person, oneself, a wrong confirmation and the last active admin, in that order', () => {
    const ok = { actorId: 'admin', target: target(), confirm: 'erika@muster.example', activeAdminIds: ['admin'] };
    expect(erasureProblem(ok)).toBeNull();
    expect(erasureProblem({ ...ok, target: target({ erasedAt: new Date() }), actorId: 'u1', confirm: 'x' })).toBe(
      'already_erased',
    );
    expect(erasureProblem({ ...ok, actorId: 'u1', confirm: 'x' })).toBe('self');
    expect(erasureProblem({ ...ok, confirm: 'someone@else.example' })).toBe('confirm_mismatch');
    const admin = target({ roles: ['admin', 'employee'] });
    expect(erasureProblem({ ...ok, target: admin, activeAdminIds: ['u1'] })).toBe('last_admin');
    expect(erasureProblem({ ...ok, target: admin, activeAdminIds: ['u1', 'admin'] })).toBeNull();
    // An inactive admin is no longer one of the active admins the organisation relies on.
    expect(erasureProblem({ ...ok, target: { ...admin, active: false }, activeAdminIds: [] })).toBeNull();
  });

  it('blanks free-text answers only, and keeps the grader result without quotes of the answer', () => {
    expect([...FREE_TEXT_EXERCISE_TYPES].sort()).toEqual(['practice', 'prompt', 'reflection']);
    expect(ERASED_ANSWER).toEqual({ erased: true });
    const feedback = {
      score: 0.5,
      criteria: [{ id: 'role', passed: true }],
      personalData: [
        { kind: 'name', match: 'Petra Klein' },
        { kind: 'email', match: 'petra@kunde.example' },
      ],
    };
    expect(feedbackWithoutQuotes(feedback)).toEqual({
      score: 0.5,
      criteria: [{ id: 'role', passed: true }],
      personalData: [{ kind: 'name' }, { kind: 'email' }],
    });
    const practice = { flag: { id: 'f1', toolName: 'Copilot' } };
    expect(feedbackWithoutQuotes(practice)).toBe(practice);
  });

  it('cancels pending requests and approved slots still ahead, not past or decided ones', () => {
    const today = '2026-11-28';
    expect(cancelsOnErasure('pending', '2026-11-01', today)).toBe(true);
    expect(cancelsOnErasure('approved', '2026-11-29', today)).toBe(true);
    expect(cancelsOnErasure('approved', today, today)).toBe(false);
    expect(cancelsOnErasure('rejected', '2026-12-01', today)).toBe(false);
    expect(cancelsOnErasure('cancelled', '2026-12-01', today)).toBe(false);
  });

  it('dates in the organisation time zone', () => {
    const lateEvening = new Date('2026-11-28T23:30:00Z');
    expect(localDate(lateEvening, 'Europe/Berlin')).toBe('2026-11-29');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-11-28');
  });

  it('redacts only a full name', () => {
    expect(nameToRedact(' Erika ', 'Mustermann')).toBe('Erika Mustermann');
    expect(nameToRedact('Erika', '')).toBeNull();
    expect(nameToRedact('', '')).toBeNull();
  });
});
