/**
 * Which way the layers import (docs/architecture.md). `npm test` runs `depcruise` with these rules;
 * test/architecture/dependencies.test.ts adds the folder-level cycle check that rules cannot express.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const FEATURES =
  '^server/(accounts|analytics|approvals|audit|catalogue|empact|geos|import-profiles|indicators|interop|observations|openapi|practices|profiles|seed|submissions)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle; move the shared part into a leaf module.',
      from: { path: '^(server|client|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'framework-imports-no-feature',
      severity: 'error',
      comment: 'server/http and server/db are the framework: features are handed to them by server/app.',
      from: { path: '^server/(http|db)/' },
      to: { path: FEATURES },
    },
    {
      name: 'shared-is-a-leaf',
      severity: 'error',
      comment: 'server/shared is read by the client too: it imports nothing but itself and browser-safe packages (zod, intl-messageformat).',
      from: { path: '^server/shared/' },
      to: { path: '^(server/(?!shared/)|client/)' },
    },
    {
      name: 'client-sees-only-shared-server-code',
      severity: 'error',
      comment: 'The client may import from server/ only under server/shared/.',
      from: { path: '^client/' },
      to: { path: '^server/(?!shared/)' },
    },
    {
      name: 'server-never-imports-client',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'engine-checks-stay-in-db',
      severity: 'error',
      comment: 'Engine-specific SQL lives in server/db/; features call its portable functions.',
      from: { path: '^(server/(?!db/)|client/)' },
      to: { path: '^server/db/engine\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
    exclude: { path: ['node_modules', '^dist/'] },
  },
};
