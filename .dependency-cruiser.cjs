// The direction of imports between the layers (docs/architecture.md). Each rule says why, and
// `npm run lint` fails when one is broken.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'occi-is-self-contained',
      comment:
        'src/occi is the protocol library: pure TypeScript that a command-line tool could use unchanged. It imports nothing else of the project.',
      severity: 'error',
      from: { path: '^src/occi/' },
      to: { path: '^src/', pathNot: '^src/occi/' },
    },
    {
      name: 'occi-has-no-runtime-dependencies',
      comment: 'src/occi must run in a browser, in Node and in a CLI alike: no React, no msw, no node: modules.',
      severity: 'error',
      from: { path: '^src/occi/', pathNot: '\\.test\\.ts$|/test-support/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'core'] },
    },
    {
      name: 'demo-cloud-uses-occi-only',
      comment: 'The demo cloud is an OCCI server built on the protocol library and nothing else of the project.',
      severity: 'error',
      from: { path: '^src/demo-cloud/' },
      to: { path: '^src/', pathNot: '^src/(occi|demo-cloud)/' },
    },
    {
      name: 'mocks-wrap-demo-cloud-only',
      comment: 'src/mocks wraps the demo cloud in msw handlers; it knows nothing of the UI.',
      severity: 'error',
      from: { path: '^src/mocks/' },
      to: { path: '^src/', pathNot: '^src/(occi|demo-cloud|mocks)/' },
    },
    {
      name: 'proxy-is-not-ui',
      comment:
        'The Node proxy forwards bytes; it may use the protocol library and mount the demo cloud, never UI code.',
      severity: 'error',
      from: { path: '^src/proxy/' },
      to: { path: '^src/', pathNot: '^src/(occi|demo-cloud|proxy)/' },
    },
    {
      name: 'lib-builds-on-occi-only',
      comment: 'src/lib (the OCCI client, the one fetch caller) sits on the protocol library, below every feature.',
      severity: 'error',
      // Its tests run against the demo cloud through the msw node server (src/mocks), as the architecture asks.
      from: { path: '^src/lib/', pathNot: '\\.test\\.tsx?$|/test-support/' },
      to: { path: '^src/', pathNot: '^src/(occi|lib)/' },
    },
    {
      name: 'features-are-independent',
      comment: 'Features do not import each other; routes in src/app compose them.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-stay-above-the-client',
      comment:
        'Features use the client (src/lib), the protocol library and shared components, never the app shell, the mocks or the server side.',
      severity: 'error',
      from: { path: '^src/features/', pathNot: '\\.test\\.tsx?$|/test-support/' },
      to: { path: '^src/(app|mocks|demo-cloud|proxy)/' },
    },
    {
      name: 'feature-tests-use-the-mocks-only',
      comment:
        'Component tests run against the msw node server of src/mocks (docs/architecture.md, "Tests, by layer"); they still do not reach into the app shell or the server side.',
      severity: 'error',
      from: { path: '^src/features/.*(\\.test\\.tsx?$|/test-support/)' },
      to: { path: '^src/(app|demo-cloud|proxy)/' },
    },
    {
      name: 'conformance-suite-is-pure',
      comment:
        'The conformance suite runs in the browser (the Conformance page) and in Node (`npm run conformance`, scripts/conformance.ts): pure TypeScript on the protocol library, like src/occi. It imports src/occi and its own files only: no React, no client, no npm and no node: module. Its tests may use the mocks.',
      severity: 'error',
      from: { path: '^src/features/conformance/suite/', pathNot: '\\.test\\.ts$|/test-support/' },
      to: { pathNot: '^src/(occi|features/conformance/suite)/' },
    },
    {
      name: 'components-know-no-occi',
      comment: 'src/components are shared UI pieces with no OCCI knowledge.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: '^src/', pathNot: '^src/components/' },
    },
    {
      name: 'only-the-dev-entry-loads-mocks',
      comment: 'Production bundles carry no msw: only the development entry point (src/main.tsx) may load src/mocks.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.tsx|mocks/)|\\.test\\.tsx?$|/test-support/' },
      to: { path: '^src/mocks/' },
    },
    {
      name: 'msw-stays-in-mocks',
      comment: 'msw is a development and test tool; only src/mocks and tests may import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/mocks/|\\.test\\.tsx?$|/test-support/' },
      to: { path: 'node_modules/msw/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make module initialisation order matter.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
