// @ts-check
// `node engines/missing.js`: the Debian packages that would install the engines'
// missing programs, on one line (nothing when all are there). .ci/run installs
// them before `npm ci`, so this imports no package.
import { missingPackages } from './index.js';

console.log(missingPackages().join(' '));
