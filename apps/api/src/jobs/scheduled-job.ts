import { DiscoveryService } from '@nestjs/core';

/**
 * A job the JobRunner runs every `intervalMs` on one app instance at a time. To add one: implement this,
 * mark the class `@Scheduled()`, and list it in any module's providers — the runner finds it.
 */
export interface ScheduledJob {
  /** Unique; also the key of its row in job_leases. */
  readonly name: string;
  readonly intervalMs: number;
  /** How long one run may take before another instance may assume this one crashed. Default 5 min. */
  readonly leaseMs?: number;
  /** `now` comes from the injected Clock, so tests move time instead of waiting for it. */
  run(now: Date): Promise<void>;
}

export const Scheduled = DiscoveryService.createDecorator<void>();

export const DEFAULT_LEASE_MS = 5 * 60_000;
