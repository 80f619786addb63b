import { LoginThrottleCleanupJob } from './login-throttle-cleanup.job.js';
import { Global, Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { MeController } from './me.controller.js';
import { AuthService } from './auth.service.js';
import { MeService } from './me.service.js';
import { AuthRepository } from './auth.repository.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OneTimeTokenService } from './one-time-token.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';

/**
 * Sign-in, sessions and the signed-in user's own account. Global because other features issue invitation
 * links (OneTimeTokenService), end a user's sessions (SessionService.revokeAllForUser) or hash passwords.
 */
@Global()
@Module({
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    MeService,
    AuthRepository,
    LoginThrottleRepository,
    LoginThrottleService,
    OneTimeTokenService,
    PasswordHasher,
    SessionService,
    LoginThrottleCleanupJob,
  ],
  exports: [OneTimeTokenService, SessionService, PasswordHasher],
})
export class AuthModule {}
