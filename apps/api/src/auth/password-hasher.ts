import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes); verify reads the parameters from the hash. */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /**
   * Always does one full argon2 verification: without a stored hash (unknown e-mail, invited user who never
   * set a password) it verifies against a throw-away hash, so the response time reveals no accounts.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      await this.safeVerify(await (this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'))), password);
      return false;
    }
    return this.safeVerify(hash, password);
  }

  private async safeVerify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash must read as "wrong password", never as a 500.
      return false;
    }
  }
}
