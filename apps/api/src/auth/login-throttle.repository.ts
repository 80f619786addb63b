import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { LoginThrottle } from './login-throttle.entity.js';
import type { ThrottleCounter } from './login-throttle.policy.js';

@Injectable()
export class LoginThrottleRepository {
  find(em: EntityManager, keys: string[]): Promise<ThrottleCounter[]> {
    return em.find(LoginThrottle, { where: { key: In(keys) } });
  }

  /**
   * Counts one hit in a single statement, so concurrent failures never lose a count. A window that started
   * at or before `staleBefore` is over and the hit starts a new one (login-throttle.policy.ts `afterHit`).
   */
  async recordHit(em: EntityManager, key: string, now: Date, staleBefore: Date): Promise<ThrottleCounter> {
    const rows: { key: string; failures: number; windowStartedAt: Date | string }[] = await em.query(
      `INSERT INTO login_throttle AS lt (key, failures, window_started_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN lt.window_started_at <= $3 THEN 1 ELSE lt.failures + 1 END,
         window_started_at = CASE WHEN lt.window_started_at <= $3 THEN EXCLUDED.window_started_at ELSE lt.window_started_at END
       RETURNING key, failures, window_started_at AS "windowStartedAt"`,
      [key, now, staleBefore],
    );
    const row = rows[0]!;
    return { key: row.key, failures: Number(row.failures), windowStartedAt: new Date(row.windowStartedAt) };
  }

  async clear(em: EntityManager, key: string): Promise<void> {
    await em.delete(LoginThrottle, { key });
  }
}
