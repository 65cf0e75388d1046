import type { PropertyDeclaration } from '@lit/reactive-element';
import { FiskilLink } from './fiskil-link.js';

/** The properties that configure a flow, and that link() and the mobile bridge set. */
export type ConfigProperty = 'sessionId' | 'authServer' | 'allowedOrigin' | 'timeout';

/**
 * The attribute that sets `property`, as `<fiskil-link>`'s `static properties`
 * declares it: the names are spelled there alone, since the manifest's
 * analyzer and lit-analyzer read them there, as string literals. A property
 * declared without one has Lit's own: its name, lower-cased (`timeout`).
 */
export const attributeOf = (property: ConfigProperty): string =>
  ((FiskilLink.properties[property] as PropertyDeclaration).attribute as string | undefined) ??
  property;
