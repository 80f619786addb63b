import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_EMPLOYEES, MIN_EMPLOYEES } from '../scale/scale-people.js';
import { SCALE_DEFAULT_NAME } from '../scale/scale-texts.js';
import { usageError } from './bootstrap.js';

export const SEED_SCALE_USAGE = `Usage: npm run seed:scale -- [--employees <n, default 10000>] [--name "<organisation>", default "${SCALE_DEFAULT_NAME}"] [--seed <n, default 1>]

Creates ONE new organisation with n people and a year of learning, Freiraum and journal history, for
performance work. Needs PostgreSQL (DATABASE_URL). Every run adds another organisation; people get the
e-mail domain <name>.example (<name>-2.example, … when taken) and the password freiraum-scale-2026.`;

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

export const seedScaleInputSchema = z.strictObject({
  employees: wholeNumber(MIN_EMPLOYEES, MAX_EMPLOYEES).default(10_000),
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(200).default(SCALE_DEFAULT_NAME),
  seed: wholeNumber(0, 2_147_483_647).default(1),
});
export type SeedScaleInput = z.output<typeof seedScaleInputSchema>;

/** Parses and validates the command line; wrong usage is a CliError with exit code 2. */
export function parseSeedScaleArgs(argv: string[]): SeedScaleInput | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        employees: { type: 'string' },
        name: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw usageError(err instanceof Error ? err.message : String(err), SEED_SCALE_USAGE);
  }
  if (values.help) return 'help';
  const parsed = seedScaleInputSchema.safeParse({ employees: values.employees, name: values.name, seed: values.seed });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `--${String(issue.path[0])} ${issue.message}`);
  throw usageError(lines.join('\n'), SEED_SCALE_USAGE);
}
