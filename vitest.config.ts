import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Component tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
    setupFiles: ['src/test-setup.ts'],
    // The suite runs files in parallel on 2-core machines: a component test that clicks through a
    // form can take seconds of CPU there, so the limit leaves room for a busy machine.
    testTimeout: 20_000,
  },
});
