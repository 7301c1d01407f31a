import nx from '@nx/eslint-plugin';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Prettier owns the layout; eslint-config-prettier turns off the rules that would fight it (ADR 0041).
// Until the package is in the lock file (added at integration), lint runs without it.
const prettierConfig = await import('eslint-config-prettier/flat').then((module) => [module.default], () => []);

// Each app's public entry (ADR 0053): Nx refuses any import of an app, so these few are allowed by
// name and the rule below keeps them for the projects that compose the services.
const APP_ENTRIES = ['@binh-yen/units-app', '@binh-yen/incidents-app', '@binh-yen/campaigns-app', '@binh-yen/reporting-app', '@binh-yen/dashboard-server', '@binh-yen/incidents-test-harness'];
const COMPOSERS = /^(apps\/platform-host|tools|bench|deploy)\//;
const root = dirname(fileURLToPath(import.meta.url));

/** An app's public entry is for the platform host, the tools and the benches; a service or a library never imports another app. */
const appEntriesOnlyInComposers = {
  meta: { type: 'problem', schema: [], messages: { notHere: '{{name}} is an app\'s public entry: only the platform host, the tools and the benches import it (ADR 0053).' } },
  create(context) {
    const file = relative(root, context.filename).split('\\').join('/');
    if (COMPOSERS.test(file)) return {};
    const check = (source) => {
      if (source && typeof source.value === 'string' && APP_ENTRIES.includes(source.value)) context.report({ node: source, messageId: 'notHere', data: { name: source.value } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'libs/testing/**/*.ts', 'apps/platform-e2e/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { plugins: { 'binh-yen': { rules: { 'app-entries-only-in-composers': appEntriesOnlyInComposers } } } },
  { ignores: ['**/dist', '**/node_modules', '.nx', 'test-artifacts', '.local', 'data', 'bench/results', 'jest.config.js', 'tools/jest/*.js', 'deploy/**/*.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Module boundaries: each scope sees itself and the shared libraries; each
      // type sees only the layers beneath it. No wildcard rule anywhere.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: APP_ENTRIES,
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:units', onlyDependOnLibsWithTags: ['scope:units', 'scope:shared'] },
            { sourceTag: 'scope:incidents', onlyDependOnLibsWithTags: ['scope:incidents', 'scope:shared'] },
            { sourceTag: 'scope:campaigns', onlyDependOnLibsWithTags: ['scope:campaigns', 'scope:shared'] },
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:shared', 'scope:platform'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:runtime', 'type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:testing'] },
            // The platform host composes the services through their public entries, and loads the demo data (tools).
            { sourceTag: 'type:host', onlyDependOnLibsWithTags: ['type:runtime', 'type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:tooling'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:runtime', 'type:data-access', 'type:domain', 'type:util', 'type:contracts', 'type:testing', 'layer:kernel'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'layer:kernel'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'type:testing', 'layer:kernel'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'layer:kernel'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            // The shared kernel (pure: text folding, agencies, area paths) is a domain library every layer may use.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            // The published contracts take the quarter and the area path from the pure kernel, as the browser does.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'layer:kernel'] },
          ],
        },
      ],
      'binh-yen/app-entries-only-in-composers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Config and DTO classes keep explicit types: decorator metadata reads them.
      '@typescript-eslint/no-inferrable-types': 'off',
    },
  },
  { files: testFiles, rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    // House style as tools (issue 18): long functions and long parameter lists are a smell to look at, not an error.
    files: ['apps/*/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: [...testFiles, '**/migrations/**'],
    rules: {
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
      'max-params': ['warn', { max: 5 }],
    },
  },
  {
    // Only libs/messaging talks to kafkajs, and production code never imports the test harness.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...testFiles, 'libs/messaging/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kafkajs', message: 'Use @binh-yen/messaging; no app talks to kafkajs directly.' },
            { name: '@binh-yen/testing', message: 'Only tests use the harness.' },
            {
              name: '@nestjs/microservices',
              importNames: ['ClientKafka', 'ClientProxy', 'ClientProxyFactory', 'ClientsModule'],
              message: 'Events leave a service only through its outbox (the command pipeline writes it); never emit with a Nest client.',
            },
          ],
        },
      ],
    },
  },
  {
    // Explicit modules (ADR 0041): a feature module imports what it uses; only libraries may be global.
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "Decorator[expression.callee.name='Global']", message: 'No @Global() module in an app: import the module where it is used.' }] },
  },
  {
    // A use case decides; the command pipeline (@binh-yen/command-pipeline) opens the transaction,
    // keeps the idempotency key and writes the audit row and the outbox (ADR 0039).
    files: ['apps/*/src/**/*.use-case.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kafkajs', message: 'Use @binh-yen/messaging; no app talks to kafkajs directly.' },
            { name: '@binh-yen/testing', message: 'Only tests use the harness.' },
            { name: '@nestjs/microservices', message: 'Events leave a service only through its outbox (the command pipeline writes it).' },
            { name: '@binh-yen/messaging', importNames: ['OutboxWriter'], message: 'Return the events from the use case; the command pipeline appends them.' },
            { name: '@binh-yen/audit', importNames: ['AuditTrail'], message: 'Return the audit entry from the use case; the command pipeline records it.' },
            { name: '@binh-yen/idempotency', importNames: ['IdempotencyService'], message: 'The command pipeline keeps the idempotency key.' },
            { name: 'typeorm', importNames: ['DataSource', 'QueryRunner'], message: 'A use case works in the transaction the command pipeline gives it.' },
            { name: '@nestjs/typeorm', message: 'A use case works in the transaction the command pipeline gives it.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(transaction|startTransaction|commitTransaction|append)$/]", message: 'A use case neither opens a transaction nor appends to the outbox: return a CommandDecision to the CommandPipeline.' },
        { selector: "CallExpression[callee.property.name='query'] > Literal[value=/^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i]", message: 'A use case does not control the transaction.' },
        { selector: 'ExportNamedDeclaration > :matches(FunctionDeclaration, VariableDeclaration)', message: 'A use case file exports its use case only; a helper two use cases share lives in a file of its own.' },
      ],
    },
  },
  {
    // Migrations are frozen SQL: a later change of a library must never rewrite one that already ran (ADR 0041).
    files: ['apps/*/src/migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@binh-yen/*'], message: 'A migration inlines the values it runs; it imports no live library constant.' }] }] },
  },
  {
    files: ['libs/messaging/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@binh-yen/testing', message: 'Only tests use the harness.' }] }] },
  },
  {
    files: ['apps/**/*.spec.ts', 'apps/**/*.int-spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Inspect topics through @binh-yen/testing.' }] }] },
  },
  {
    // Domain rules are pure TypeScript: no framework, no database, no broker.
    files: ['libs/*/domain/**/*.ts', 'libs/shared-kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', '@binh-yen/messaging', '@binh-yen/persistence'], message: 'Domain libraries stay framework-free.' }] }],
    },
  },
  // The generated API clients carry a blanket eslint-disable their generator writes.
  { files: ['libs/api-client/src/generated/**'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ...prettierConfig,
];
