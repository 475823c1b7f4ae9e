/**
 * The Keystone user of the `stack` project (e2e/support/test-clouds.ts): the stand-in knows this user
 * and nobody else, so a journey logs in with it and a wrong password is any other.
 */
export const STACK_KEYSTONE_USER = {
  name: 'alice',
  password: 'correct horse battery staple',
  project: 'occi-journeys',
  projectId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
} as const;

/** The first-byte time-out of the `stack` proxy: short, so a journey that waits for it stays quick. */
export const STACK_FIRST_BYTE_TIMEOUT_MS = 3_000;
