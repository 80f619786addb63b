import type { AiPolicy, DataClass } from '@freiraum/contracts';
import type { FlagStatus } from './governance-flag.entity.js';

export const OTHER_TOOL = 'other';

export type PolicyCheck =
  | { allowed: true; toolName: string }
  | { allowed: false; toolName: string; reason: 'unlisted_tool' | 'class_not_allowed' };

/**
 * The AI policy check (PRODUCT.md §3): a listed tool may receive the data classes the admin allowed;
 * an unlisted tool (or "other") only public data. Nothing is silently accepted: anything else is flagged.
 */
export function checkToolUse(policy: AiPolicy, toolId: string, dataClass: DataClass, otherName?: string): PolicyCheck {
  const tool = toolId === OTHER_TOOL ? undefined : policy.tools.find((t) => t.id === toolId);
  if (!tool) {
    const toolName = otherName?.trim() || toolId;
    return dataClass === 'public' ? { allowed: true, toolName } : { allowed: false, toolName, reason: 'unlisted_tool' };
  }
  return tool.allowedDataClasses.includes(dataClass)
    ? { allowed: true, toolName: tool.name }
    : { allowed: false, toolName: tool.name, reason: 'class_not_allowed' };
}

export interface Person {
  id: string;
  roles: string[];
}

/**
 * Who decides a flag or reviews practice work: the author's manager; for someone without a manager, HR
 * (someone other than the author); failing that an admin. Never the author.
 */
export function mayDecideFor(actor: Person, author: { id: string; managerId: string | null; managerActive: boolean }): boolean {
  if (actor.id === author.id) return false;
  if (author.managerId && author.managerActive) return actor.id === author.managerId;
  return actor.roles.includes('hr') || actor.roles.includes('admin');
}

export function canTransitionFlag(from: FlagStatus, to: FlagStatus): boolean {
  return from === 'open' && (to === 'cleared' || to === 'confirmed');
}
