import { parseArgs } from 'node:util';
import { z } from 'zod';
import { email, isValidTimeZone, LANGUAGES, personName } from '@freiraum/contracts';
import { usageError } from './bootstrap.js';

export const ORG_CREATE_USAGE = `Usage: npm run org:create -- --name "<organisation>" --admin-email <e-mail>
         [--first-name <name>] [--last-name <name>] [--time-zone <IANA zone, default Europe/Berlin>] [--language de|en]`;

export const orgCreateInputSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  adminEmail: email,
  firstName: personName.default('Admin'),
  lastName: personName.optional(),
  timeZone: z.string().refine(isValidTimeZone, { message: 'is not a known IANA time zone' }).default('Europe/Berlin'),
  language: z.enum(LANGUAGES, { message: 'must be de or en' }).default('de'),
});
export type OrgCreateInput = z.output<typeof orgCreateInputSchema>;

const FLAG_OF: Record<string, string> = {
  name: '--name',
  adminEmail: '--admin-email',
  firstName: '--first-name',
  lastName: '--last-name',
  timeZone: '--time-zone',
  language: '--language',
};

/** Parses and validates the command line; wrong usage is a CliError with exit code 2. */
export function parseOrgCreateArgs(argv: string[]): OrgCreateInput | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        'time-zone': { type: 'string' },
        language: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw usageError(err instanceof Error ? err.message : String(err), ORG_CREATE_USAGE);
  }
  if (values.help) return 'help';
  const missing = ['name', 'admin-email']
    .filter((flag) => values[flag] === undefined)
    .map((flag) => `--${flag} is required`);
  if (missing.length) throw usageError(missing.join('\n'), ORG_CREATE_USAGE);
  const parsed = orgCreateInputSchema.safeParse({
    name: values.name,
    adminEmail: values['admin-email'],
    firstName: values['first-name'],
    lastName: values['last-name'],
    timeZone: values['time-zone'],
    language: values.language,
  });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const flag = FLAG_OF[String(issue.path[0])] ?? String(issue.path[0]);
    return `${flag} ${issue.message}`;
  });
  throw usageError(lines.join('\n'), ORG_CREATE_USAGE);
}
