// The tests run in a real browser: Debian's Chromium, never one the tool downloads.
import { chromeLauncher } from '@web/test-runner-chrome';

export default {
  files: 'test/browser/*.test.js',
  nodeResolve: true,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      },
    }),
  ],
};
