import { CliError } from './bootstrap.js';
import { parseOrgCreateArgs } from './org-create.args.js';

const usageFailure = (argv: string[]) => {
  try {
    parseOrgCreateArgs(argv);
  } catch (err) {
    if (err instanceof CliError) return { exitCode: err.exitCode, message: err.message };
    throw err;
  }
  throw new Error('expected a usage error');
};

describe('org:create arguments', () => {
  it('accepts the required flags and fills defaults', () => {
    expect(parseOrgCreateArgs(['--name', ' Acme GmbH ', '--admin-email', 'It@Acme.Example'])).toEqual({
      name: 'Acme GmbH',
      adminEmail: 'it@acme.example',
      firstName: 'Admin',
      timeZone: 'Europe/Berlin',
      language: 'de',
    });
  });

  it('takes the optional flags', () => {
    expect(
      parseOrgCreateArgs([
        '--name=Acme',
        '--admin-email=a@b.example',
        '--first-name',
        'Jörg',
        '--last-name',
        'Groß',
        '--time-zone',
        'Europe/Vienna',
        '--language',
        'en',
      ]),
    ).toMatchObject({ firstName: 'Jörg', lastName: 'Groß', timeZone: 'Europe/Vienna', language: 'en' });
  });

  it('names every missing flag, with exit code 2', () => {
    const failure = usageFailure([]);
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toContain('--name is required');
    expect(failure.message).toContain('--admin-email is required');
    expect(failure.message).toContain('Usage: npm run org:create');
  });

  it('rejects bad values and unknown flags', () => {
    expect(usageFailure(['--name', 'A', '--admin-email', 'nope']).message).toContain(
      '--admin-email must be a valid e-mail address',
    );
    expect(usageFailure(['--name', 'A', '--admin-email', 'a@b.example', '--time-zone', 'Mars/Base']).message).toContain(
      '--time-zone is not a known IANA time zone',
    );
    expect(usageFailure(['--name', 'A', '--admin-email', 'a@b.example', '--language', 'fr']).message).toContain(
      '--language must be de or en',
    );
    expect(usageFailure(['--name', 'A', '--admin-email', 'a@b.example', '--colour', 'red']).exitCode).toBe(2);
    expect(usageFailure(['--name', '   ', '--admin-email', 'a@b.example']).message).toContain(
      '--name must not be empty',
    );
  });

  it('answers --help', () => {
    expect(parseOrgCreateArgs(['--help'])).toBe('help');
  });
});
