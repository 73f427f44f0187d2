// Lint as policy: promise safety, and domain libraries that import no framework.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const FRAMEWORK_IMPORTS = ['@nestjs/*', 'typeorm', 'kafkajs', 'openai', 'pg', '@electric-sql/*'].map((group) => ({
  group: [group],
  message: 'Domain libraries stay framework-free: move this to an adapter in libs/platform or a stage.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*/src/*', '**/dist/**'], message: 'Import libraries by their @jdpipe/* name.' }] },
      ],
    },
  },
  {
    // type:domain — pure TypeScript (also enforced by the Nx tags in each project.json).
    files: [
      'libs/jd-parsing/**/*.ts',
      'libs/catalog/**/*.ts',
      'libs/catalog-import/**/*.ts',
      'libs/skill-matching/**/*.ts',
      'libs/role-matching/**/*.ts',
      'libs/evaluation/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: FRAMEWORK_IMPORTS }] },
  },
  {
    // Nest resolves constructor parameters from emitted type metadata: these imports must stay values.
    files: ['apps/**/*.ts', 'libs/pipeline-stages/**/*.ts', 'libs/http-api/**/*.ts', 'libs/platform/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
