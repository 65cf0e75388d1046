// Lit (and so fiskil-link) is ES modules only, and Jest runs ES modules only
// when Node is started with --experimental-vm-modules (package.json's test:jest
// script). `transform: {}` leaves them as they are: nothing to compile.
export default {
  testEnvironment: 'jsdom',
  transform: {},
  testMatch: ['<rootDir>/test/*.test.js'], // test/browser/ is web-test-runner's
};
