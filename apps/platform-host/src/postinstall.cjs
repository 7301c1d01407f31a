// `npm install`'s postinstall: prepares the embedded Postgres cluster for `npm start`
// (prepare-cluster-template.ts). Plain CommonJS so it runs before anything is built, and
// it never fails an install: production installs (no dev tools) and image builds skip it,
// and the first `npm start` makes the cluster itself when it is missing.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const omitted = String(process.env.npm_config_omit || '').split(/[\s,]+/);
if (process.env.NODE_ENV === 'production' || omitted.includes('dev') || process.env.BINHYEN_SKIP_CLUSTER_TEMPLATE === 'true') process.exit(0);
try {
  require.resolve('@swc-node/register');
  require.resolve('@electric-sql/pglite');
} catch {
  process.exit(0);
}
spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'prepare-cluster-template.ts')], { stdio: 'inherit' });
