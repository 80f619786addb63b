import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { retryAfterSeconds, windowStaleBefore, type ThrottleCounter } from './login-throttle.policy.js';

@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly repo: LoginThrottleRepository,
    private readonly clock: Clock,
  ) {}

  /** 429 with Retry-After while any key is over its limit — even a correct password waits. */
  async assertAllowed(em: EntityManager, keys: string[]): Promise<void> {
    const wait = retryAfterSeconds(await this.repo.find(em, keys), this.clock.now());
    if (wait === null) return;
    const minutes = Math.ceil(wait / 60);
    throw new DomainError(
      'too_many_requests',
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      undefined,
      { 'Retry-After': String(wait) },
    );
  }

  async recordFailure(em: EntityManager, keys: string[]): Promise<void> {
    for (const key of keys) await this.hit(em, key);
  }

  hit(em: EntityManager, key: string): Promise<ThrottleCounter> {
    const now = this.clock.now();
    return this.repo.recordHit(em, key, now, windowStaleBefore(now));
  }

  clear(em: EntityManager, key: string): Promise<void> {
    return this.repo.clear(em, key);
  }
}
