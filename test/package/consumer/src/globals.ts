// A page that loads the classic script gets the global `FiskilLink`.
import 'fiskil-link/fiskil-link.umd.js';

export const flow = FiskilLink.link('ses_1', { timeoutMs: 1_000 });
flow.close();
