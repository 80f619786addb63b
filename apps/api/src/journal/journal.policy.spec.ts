import {
  inTeamAudience,
  kudosCheck,
  mayShare,
  maySeeEntry,
  promoteCheck,
  shareBlockedReason,
} from './journal.policy.js';

// boss manages author and peer; author manages report; stranger reports to someone else; top has no manager.
const boss = { id: 'boss', managerId: 'top', roles: ['manager', 'employee'] };
const author = { id: 'author', managerId: 'boss' };
const peer = { id: 'peer', managerId: 'boss' };
const report = { id: 'report', managerId: 'author' };
const stranger = { id: 'stranger', managerId: 'elsewhere' };
const top = { id: 'top', managerId: null };
const hr = { id: 'hr', managerId: 'elsewhere', roles: ['hr', 'employee'] };

describe('inTeamAudience', () => {
  it('is the manager, the peers and the direct reports', () => {
    expect(inTeamAudience(boss, author)).toBe(true);
    expect(inTeamAudience(peer, author)).toBe(true);
    expect(inTeamAudience(report, author)).toBe(true);
  });
  it('is nobody else: not the skip-level manager, not other teams, not the author', () => {
    expect(inTeamAudience(top, author)).toBe(false);
    expect(inTeamAudience(stranger, author)).toBe(false);
    expect(inTeamAudience(author, author)).toBe(false);
  });
  it('people without a manager are not peers of each other', () => {
    expect(inTeamAudience({ id: 'a', managerId: null }, { id: 'b', managerId: null })).toBe(false);
  });
});

describe('maySeeEntry', () => {
  it('the author always sees their own entry', () => {
    expect(maySeeEntry(author, author, { authorId: 'author', visibility: 'private' })).toBe(true);
  });
  it('a private entry is nobody else’s, not even the manager’s', () => {
    expect(maySeeEntry(boss, author, { authorId: 'author', visibility: 'private' })).toBe(false);
  });
  it('a team entry reaches the team audience only', () => {
    const entry = { authorId: 'author', visibility: 'team' as const };
    expect(maySeeEntry(peer, author, entry)).toBe(true);
    expect(maySeeEntry(report, author, entry)).toBe(true);
    expect(maySeeEntry(stranger, author, entry)).toBe(false);
  });
  it('an organisation entry reaches everyone', () => {
    expect(maySeeEntry(stranger, author, { authorId: 'author', visibility: 'organization' })).toBe(true);
  });
});

describe('kudosCheck', () => {
  it('never on one’s own entry', () => {
    expect(kudosCheck(author, author, { authorId: 'author', visibility: 'organization' })).toBe('own_entry');
  });
  it('only on entries shared with the giver', () => {
    expect(kudosCheck(peer, author, { authorId: 'author', visibility: 'team' })).toBe('ok');
    expect(kudosCheck(stranger, author, { authorId: 'author', visibility: 'team' })).toBe('not_visible');
    expect(kudosCheck(peer, author, { authorId: 'author', visibility: 'private' })).toBe('not_visible');
  });
});

describe('mayShare', () => {
  it('is blocked while a flag is open or confirmed', () => {
    expect(mayShare(null)).toBe(true);
    expect(mayShare('cleared')).toBe(true);
    expect(mayShare('open')).toBe(false);
    expect(mayShare('confirmed')).toBe(false);
  });
});

describe('promoteCheck', () => {
  const shared = { authorId: 'author', visibility: 'team' as const, flagStatus: null, promoted: false };
  it('the author’s manager or HR may promote', () => {
    expect(promoteCheck(boss, author, shared)).toBe('ok');
    expect(promoteCheck(hr, author, shared)).toBe('ok');
  });
  it('colleagues, other managers and the author may not', () => {
    expect(promoteCheck({ ...peer, roles: ['employee'] }, author, shared)).toBe('forbidden');
    expect(promoteCheck({ ...top, roles: ['manager'] }, author, shared)).toBe('forbidden');
    expect(promoteCheck({ ...author, roles: ['hr'] }, author, shared)).toBe('forbidden');
  });
  it('only shared entries without an open or confirmed flag, once', () => {
    expect(promoteCheck(boss, author, { ...shared, visibility: 'private' })).toBe('not_shared');
    expect(promoteCheck(boss, author, { ...shared, flagStatus: 'open' })).toBe('flagged');
    expect(promoteCheck(boss, author, { ...shared, flagStatus: 'confirmed' })).toBe('flagged');
    expect(promoteCheck(boss, author, { ...shared, flagStatus: 'cleared' })).toBe('ok');
    expect(promoteCheck(hr, author, { ...shared, visibility: 'organization', promoted: true })).toBe(
      'already_promoted',
    );
  });
});

describe('shareBlockedReason', () => {
  it('explains an open flag and who must clear it', () => {
    expect(shareBlockedReason({ status: 'open', reason: 'class_not_allowed' }, 'ChatGPT Free', 'personal')).toBe(
      'ChatGPT Free may not receive personal data under the AI policy; your manager must clear the flag before you can share this entry',
    );
    expect(shareBlockedReason({ status: 'open', reason: 'unlisted_tool' }, 'Perplexity', 'internal')).toMatch(
      /^Perplexity is not an approved tool .* not internal data; your manager must clear/,
    );
  });
  it('says a confirmed flag keeps the entry private', () => {
    expect(shareBlockedReason({ status: 'confirmed', reason: 'class_not_allowed' }, 'Copilot', 'confidential')).toMatch(
      /confirmed, so this entry stays private$/,
    );
  });
  it('is null without a flag or once cleared', () => {
    expect(shareBlockedReason(null, 'Copilot', 'public')).toBeNull();
    expect(shareBlockedReason({ status: 'cleared', reason: 'class_not_allowed' }, 'Copilot', 'personal')).toBeNull();
  });
});
