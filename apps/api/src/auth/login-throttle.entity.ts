import { Column, Entity, PrimaryColumn } from 'typeorm';

// Failed sign-ins per account and per IP, kept in the database so every app instance sees the same count.
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  /** `account:<email>`, `ip:<address>` (failed sign-ins) or `reset:<email>` (reset e-mails sent). */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;
}
