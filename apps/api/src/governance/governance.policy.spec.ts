import type { AiPolicy } from '@freiraum/contracts';
import { canTransitionFlag, checkToolUse, mayDecideFor } from './governance.policy.js';

const policy: AiPolicy = {
  rules: '',
  tools: [
    { id: 'copilot', name: 'Copilot', allowedDataClasses: ['public', 'internal'], note: '' },
    { id: 'local', name: 'Local model', allowedDataClasses: ['public', 'internal', 'confidential', 'personal'], note: '' },
  ],
};

describe('checkToolUse', () => {
  it('allows a listed tool with an allowed class', () => {
    expect(checkToolUse(policy, 'copilot', 'internal')).toEqual({ allowed: true, toolName: 'Copilot' });
  });
  it('flags a listed tool with a class it may not receive', () => {
    expect(checkToolUse(policy, 'copilot', 'personal')).toEqual({ allowed: false, toolName: 'Copilot', reason: 'class_not_allowed' });
  });
  it('allows an unlisted tool with public data only', () => {
    expect(checkToolUse(policy, 'other', 'public', 'Perplexity')).toEqual({ allowed: true, toolName: 'Perplexity' });
    expect(checkToolUse(policy, 'other', 'internal', 'Perplexity')).toEqual({ allowed: false, toolName: 'Perplexity', reason: 'unlisted_tool' });
    expect(checkToolUse(policy, 'gone-tool', 'confidential')).toMatchObject({ allowed: false, reason: 'unlisted_tool' });
  });
  it('an empty policy allows public data only', () => {
    expect(checkToolUse({ tools: [], rules: '' }, 'copilot', 'public').allowed).toBe(true);
    expect(checkToolUse({ tools: [], rules: '' }, 'copilot', 'internal').allowed).toBe(false);
  });
});

describe('mayDecideFor', () => {
  const author = { id: 'a', managerId: 'm', managerActive: true };
  it('the manager decides; nobody else, not even HR', () => {
    expect(mayDecideFor({ id: 'm', roles: ['manager'] }, author)).toBe(true);
    expect(mayDecideFor({ id: 'h', roles: ['hr'] }, author)).toBe(false);
  });
  it('without an (active) manager HR or an admin decides', () => {
    const alone = { id: 'a', managerId: null, managerActive: false };
    expect(mayDecideFor({ id: 'h', roles: ['hr'] }, alone)).toBe(true);
    expect(mayDecideFor({ id: 'x', roles: ['admin'] }, { ...author, managerActive: false })).toBe(true);
    expect(mayDecideFor({ id: 'e', roles: ['employee'] }, alone)).toBe(false);
  });
  it('never the author, whatever their roles', () => {
    expect(mayDecideFor({ id: 'a', roles: ['hr', 'admin'] }, { id: 'a', managerId: null, managerActive: false })).toBe(false);
  });
});

describe('canTransitionFlag', () => {
  it('only open flags are decided', () => {
    expect(canTransitionFlag('open', 'cleared')).toBe(true);
    expect(canTransitionFlag('open', 'confirmed')).toBe(true);
    expect(canTransitionFlag('cleared', 'confirmed')).toBe(false);
    expect(canTransitionFlag('open', 'open')).toBe(false);
  });
});
