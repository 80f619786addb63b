import type { ValueTransformer } from 'typeorm';

// `numeric` comes back from pg as a string (exact decimals); hours are half-hour steps, so a JS number
// holds them exactly.
export const hoursTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A `numeric(6,1)` hours column. */
export const hoursColumn = { type: 'numeric' as const, precision: 6, scale: 1, transformer: hoursTransformer };
