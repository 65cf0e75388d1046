import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom', // `npm run test:jsdom` runs the same tests in jsdom
    globals: true, // test, expect, beforeEach… as Jest provides them, so one file serves both
    include: ['test/*.test.js'], // test/browser/ is web-test-runner's
  },
});
