import '@testing-library/jest-dom/vitest';

// findBy* and waitFor wait up to 5 s (default 1 s): on a busy 2-core machine a screen's first
// requests through msw can take longer than a second to settle.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
