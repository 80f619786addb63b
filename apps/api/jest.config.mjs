// jest runs the ESM NestJS app in CommonJS mode through @swc/jest (STACK.md §3, P3, P5): the
// ESM-only packages in node_modules are transformed too. PGlite needs --experimental-vm-modules (P4).
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'ts' ? { syntax: 'typescript', decorators: true } : { syntax: 'ecmascript' },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  moduleNameMapper: {
    '^@freiraum/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@freiraum/content$': '<rootDir>/../../libs/content/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|@standard-schema|nodemailer)/)(?!.*/node_modules/)',
  ],
  transform: { '^.+\\.ts$': swc('ts'), '^.+\\.m?js$': swc('js') },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  // A leaked handle (e.g. an unclosed embedded database after a failed boot) must not hang CI.
  forceExit: true,
};
