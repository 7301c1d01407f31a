import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.mjs';

// The workspace rules, plus React hooks and accessibility (jsx-a11y) for the browser app.
export default [
  ...root,
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    ...jsxA11y.flatConfigs.recommended,
    plugins: { ...jsxA11y.flatConfigs.recommended.plugins, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A table that scrolls sideways is a focusable region so keyboard users can scroll it
      // (axe's scrollable-region-focusable); every other non-interactive element stays refused.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser code is a bundle of its own: of the workspace libraries it imports only the pure
    // shared kernel, the report model and the generated API client, made for both sides (ADR 0040, 0045, 0048).
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@binh-yen/*', '!@binh-yen/shared-kernel', '!@binh-yen/report-model', '!@binh-yen/api-client'], message: 'The browser bundle imports no workspace library (Node code) but the shared kernel, the report model and the generated API client.' }] },
      ],
    },
  },
  { files: ['e2e/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
];
