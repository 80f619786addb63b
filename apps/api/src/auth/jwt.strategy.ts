import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { User } from '../users/user.entity.js';

export interface AccessTokenPayload {
  sub: string;
  org: string;
}

export const JWT_ALGORITHM = 'HS256' as const;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      // Pinned: a token signed with any other algorithm (or "none") is rejected.
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  // Runs on every request: a deactivated user's token stops working at once, and role changes apply
  // immediately, because roles come from the database rather than from the token.
  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { id: payload.sub },
      select: { id: true, organizationId: true, roles: true, managerId: true, active: true },
    });
    if (!user || !user.active || user.organizationId !== payload.org) return false;
    return { id: user.id, organizationId: user.organizationId, roles: user.roles, managerId: user.managerId };
  }
}
