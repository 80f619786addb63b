import { CliError } from './bootstrap.js';
import { parseSeedScaleArgs } from './seed-scale.args.js';

const usageFailure = (argv: string[]) => {
  try {
    parseSeedScaleArgs(argv);
  } catch (err) {
    if (err instanceof CliError) return { exitCode: err.exitCode, message: err.message };
    throw err;
  }
  throw new Error('expected a usage error');
};

describe('seed:scale arguments', () => {
  it('defaults to 10,000 people in "Scale GmbH" with seed 1', () => {
    expect(parseSeedScaleArgs([])).toEqual({ employees: 10_000, name: 'Scale GmbH', seed: 1 });
  });

  it('takes the flags', () => {
    expect(parseSeedScaleArgs(['--employees', '500', '--name= Probe AG ', '--seed', '42'])).toEqual({
      employees: 500,
      name: 'Probe AG',
      seed: 42,
    });
    expect(parseSeedScaleArgs(['-h'])).toBe('help');
  });

  it('names the flag that is wrong, with exit code 2 and the usage', () => {
    for (const [argv, text] of [
      [['--employees', '12'], '--employees must be at least 50'],
      [['--employees', '1e9'], '--employees must be at most 200000'],
      [['--employees', '100.5'], '--employees must be a whole number'],
      [['--employees', 'many'], '--employees must be a number'],
      [['--name', '  '], '--name must not be empty'],
      [['--seed=-1'], '--seed must be at least 0'],
      [['--replace'], "Unknown option '--replace'"],
    ] as const) {
      const failure = usageFailure([...argv]);
      expect(failure.exitCode).toBe(2);
      expect(failure.message).toContain(text);
      expect(failure.message).toContain('Usage: npm run seed:scale');
    }
  });
});
