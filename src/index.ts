// The registering entry (`fiskil-link`, `fiskil-link/define` and the
// self-contained bundles): the names of ./element.ts, and `<fiskil-link>`
// defined on import. This call is the package's only side effect.
import { defineFiskilLink } from './define.js';

export * from './element.js';

defineFiskilLink();
