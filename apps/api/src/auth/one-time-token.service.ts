import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { OneTimeToken, type OneTimeTokenPurpose } from './one-time-token.entity.js';

const TTL_HOURS: Record<OneTimeTokenPurpose, number> = { invite: 7 * 24, reset: 2 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedLink {
  token: string;
  url: string;
  expiresAt: Date;
}

/** One-time links for invitations and password resets. Issuing a new one voids the older ones. */
@Injectable()
export class OneTimeTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(
    em: EntityManager,
    input: { userId: string; organizationId: string; purpose: OneTimeTokenPurpose },
  ): Promise<IssuedLink> {
    const now = this.clock.now();
    await em
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ usedAt: now })
      .where('user_id = :userId AND used_at IS NULL', { userId: input.userId })
      .execute();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + TTL_HOURS[input.purpose] * 3600_000);
    await em.insert(OneTimeToken, {
      organizationId: input.organizationId,
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt,
      usedAt: null,
    });
    const page = input.purpose === 'invite' ? 'welcome' : 'reset-password';
    return { token, url: `${this.config.appUrl}/${page}?token=${token}`, expiresAt };
  }
}
