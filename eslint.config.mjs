// Lint: type-aware rules plus the architecture's boundaries (see ../shared/DESIGN.md):
// core and shared never import electron; shared is pure (no Node, no DOM); the renderer has no
// Node and nothing from electron/.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronImports = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' };
const nodeImports = { group: ['node:*'], message: 'No Node APIs here.' };
const coreHostImports = { group: ['**/main/**', '**/preload/**', '**/preview/**', '**/renderer/**'], message: 'Core depends on no host.' };
// Core's rooms (see ../shared/DESIGN.md, "Where things live"): each domain owns its handlers, rules and
// outbox jobs; hosted/ is transport only; repositories/ and db/ hold SQL; the composition root wires them.
const coreDomains = ['account', 'audit', 'batches', 'calibration', 'comment-bank', 'demo', 'evidence', 'lead', 'referrals', 'scoring', 'status', 'workspace'];
const compositionRoot = { group: ['**/app/**', '**/app'], message: 'Only the composition root (core/app: service, connection, outbox-jobs, utility-entry) wires core together; nothing imports it back.' };
const domainImports = { group: coreDomains.map((domain) => `**/${domain}/**`), message: 'hosted/ is transport (session, API client, sync loop, outbox): domains import it, it imports no domain.' };
const dataLayerImports = { group: [...coreDomains.map((domain) => `**/${domain}/**`), '**/hosted/**'], message: 'repositories/ and db/ are the data layer: they import no domain and no transport.' };
const restricted = (patterns, paths = []) => ['error', { patterns, paths: paths.map((name) => ({ name, message: 'Not allowed in this layer.' })) }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'resources/**', 'tests/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type information from one program over every file, each parsed and typed once (three programs
      // took a third longer); which part may use Node or the DOM is the typecheck's (tsconfig.*.json).
      parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { project: false, projectService: false } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only says the React Compiler skips components using @tanstack/react-virtual; not a defect.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': restricted(
        [electronImports, nodeImports, { group: ['**/electron/**'], message: 'The renderer reaches core only through the contract client.' }],
        [...nodeModules, 'better-sqlite3-multiple-ciphers', 'ws'],
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted(
        [electronImports, nodeImports, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and zod.' }],
        [...nodeModules, 'better-sqlite3-multiple-ciphers', 'react', 'ws'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname', 'global'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electronImports, coreHostImports]) },
  },
  {
    files: coreDomains.map((domain) => `electron/core/${domain}/**/*.ts`),
    rules: { 'no-restricted-imports': restricted([electronImports, coreHostImports, compositionRoot]) },
  },
  {
    files: ['electron/core/hosted/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electronImports, coreHostImports, compositionRoot, domainImports]) },
  },
  {
    files: ['electron/core/repositories/**/*.ts', 'electron/core/db/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electronImports, coreHostImports, compositionRoot, dataLayerImports]) },
  },
  {
    // The ground floor: time, the log, private files, paths, and the ports to the process around core and its workers.
    files: ['electron/core/platform/**/*.ts', 'electron/core/process/**/*.ts'],
    rules: { 'no-restricted-imports': restricted([electronImports, coreHostImports, compositionRoot, { ...dataLayerImports, message: 'platform/ and process/ are the ground floor: they import no domain and no transport.' }]) },
  },
  {
    // SQL lives in repositories (and the schema in db/): everywhere else in core composes their functions.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/repositories/**', 'electron/core/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma)$/][callee.object.name=/^(db|database)$/]", message: 'SQL belongs in electron/core/repositories.' },
        { selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma)$/][callee.object.property.name=/^(db|database)$/]", message: 'SQL belongs in electron/core/repositories.' },
      ],
    },
  },
);
