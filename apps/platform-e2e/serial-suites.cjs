// The platform walks that each keep both cores busy on their own: a private PostgreSQL cluster and five service
// processes (faults), the whole demo street (demo-seed), every route fuzzed (fuzz), Chromium over five services
// (console, console-oidc, console-editors), two replicas of every service (replicas). Beside each other and the rest of the suite on
// a two-core machine they took four times as long as alone and starved other suites' hooks past their timeouts, so
// `npm test` runs them after the rest, one at a time (tools/run-tests.sh). A plain `jest` or `nx e2e platform-e2e`
// still runs every suite.
module.exports = [
  'faults.e2e-spec.ts',
  'demo-seed.e2e-spec.ts',
  'fuzz.e2e-spec.ts',
  'console.e2e-spec.ts',
  'console-oidc.e2e-spec.ts',
  'console-editors.e2e-spec.ts',
  'replicas.e2e-spec.ts',
];
