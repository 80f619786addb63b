import { Column, Entity, PrimaryColumn } from 'typeorm';

// Failed sign-ins per account and per IP, kept in the database so every app instance sees the same count.
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  /** `account:<email>` or `ip:<address>`. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;
}
