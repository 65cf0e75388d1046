// Only a constant from the side-effect-free entry: a bundler must leave the
// element, Lit and the registration out (package.json `sideEffects`).
import { LINK_ERROR_CODES } from 'fiskil-link/element';

document.body.textContent = LINK_ERROR_CODES.join(', ');
