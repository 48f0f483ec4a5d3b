// Lint enforces what docs/architecture.md promises: layers import only downward, the pure layers
// read no clock, timer or global randomness, and only src/sim-worker talks to Comlink.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['lib', 'api', 'raft', 'machine-api', 'swarm', 'sim', 'sim-worker', 'cli', 'ui'];

/** What each layer may import (docs/architecture.md, "Layers"); anything else in src/ is refused. */
const allowed = {
  lib: [],
  api: ['lib'],
  raft: ['lib'],
  'machine-api': ['lib', 'api', 'raft'],
  swarm: ['lib', 'api', 'raft', 'machine-api'],
  sim: ['lib', 'api', 'raft', 'machine-api', 'swarm'],
  'sim-worker': ['lib', 'api', 'raft', 'machine-api', 'swarm', 'sim'],
  cli: ['lib', 'api'],
  ui: ['lib', 'api', 'cli', 'sim', 'sim-worker'],
};

function zoneFor(layer) {
  const forbidden = layers.filter((other) => other !== layer && !allowed[layer].includes(other));
  const patterns = forbidden.map((other) => ({
    regex: `^(\\.\\./)+${other}(/|$)`,
    message: `src/${layer} may not import src/${other} (dependencies point down: docs/architecture.md).`,
  }));
  if (layer !== 'sim-worker') {
    patterns.push({ regex: '^comlink$', message: 'Only src/sim-worker imports comlink.' });
  }
  patterns.push({ regex: '^d3$', message: 'Import D3 submodules, never the d3 namespace.' });
  return {
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.svelte`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const determinism = {
  files: [
    'src/lib/**/*.ts',
    'src/raft/**/*.ts',
    'src/machine-api/**/*.ts',
    'src/swarm/**/*.ts',
    'src/sim/**/*.ts',
  ],
  rules: {
    'no-restricted-globals': [
      'error',
      ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'performance'].map(
        (name) => ({
          name,
          message: 'Pure layers are driven by ticks, never timers or wall time.',
        }),
      ),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded Prng from src/lib.' },
      { object: 'Date', property: 'now', message: 'Use virtual time.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Use virtual time: a Date may format an instant, never read the clock.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      complexity: ['error', 20],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layers.map(zoneFor),
  determinism,
);
