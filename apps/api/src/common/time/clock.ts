import { Injectable } from '@nestjs/common';

// Every "now" in the app comes from here, so tests can move time instead of waiting for it.
@Injectable()
export class Clock {
  private offsetMs = 0;
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date(Date.now() + this.offsetMs);
  }

  /** Test helpers. */
  set(date: Date): void {
    this.fixed = new Date(date);
  }
  advance(ms: number): void {
    if (this.fixed) this.fixed = new Date(this.fixed.getTime() + ms);
    else this.offsetMs += ms;
  }
  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}
