// What native code asks for: the URL fragment or a start() call, turned into
// the element's own attributes or properties. Their values are the element's
// to check (it dispatches LINK_INVALID_CONFIG); this only checks the shape.
import { attributeOf, type ConfigProperty } from '../attributes.js';
import type { FiskilLink } from '../fiskil-link.js';

type Property = ConfigProperty;
type Attribute = string;

const PROPERTIES: readonly Property[] = ['sessionId', 'authServer', 'allowedOrigin', 'timeout'];

/** The inputs, by attribute name (the fragment's keys) and property name (start()'s keys). */
const INPUTS = Object.fromEntries(PROPERTIES.map((name) => [attributeOf(name), name]));

const ATTRIBUTES = Object.keys(INPUTS);

/** A flow's configuration, ready to put on an element, or why the input is unusable. */
export type FlowInput = { apply(link: FiskilLink): void } | { error: string };

const list = (names: readonly string[]) => names.join(', ');

/**
 * The fragment's configuration (`#session-id=…&auth-server=…`), or `null` when
 * there is no fragment (the page then waits for start()).
 */
export function readFragment(hash: string): FlowInput | null {
  const text = hash.replace(/^#/, '');
  if (text === '') return null;
  const entries: [Attribute, string][] = [];
  for (const [key, value] of new URLSearchParams(text)) {
    if (!Object.hasOwn(INPUTS, key)) {
      return {
        error: `Unknown key ${JSON.stringify(key)} in the URL fragment: use ${list(ATTRIBUTES)}.`,
      };
    }
    if (entries.some(([name]) => name === key)) {
      return { error: `The URL fragment gives ${key} more than once.` };
    }
    entries.push([key as Attribute, value]);
  }
  // Attributes, so that the element reads `timeout` from text as it does in HTML.
  return { apply: (link) => entries.forEach(([name, value]) => link.setAttribute(name, value)) };
}

/** The configuration `window.fiskilLinkWebView.start(options)` was given. */
export function readStartOptions(options: unknown): FlowInput {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return {
      error: `start() takes an object such as { sessionId: 'ses_…' }, not ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}.`,
    };
  }
  const entries: [Property, unknown][] = [];
  try {
    for (const key of Object.keys(options)) {
      if (!(PROPERTIES as readonly string[]).includes(key)) {
        return {
          error: `Unknown option ${JSON.stringify(key)} given to start(): use ${list(PROPERTIES)}.`,
        };
      }
      const value: unknown = (options as Record<string, unknown>)[key];
      if (value !== undefined) entries.push([key as Property, value]);
    }
  } catch {
    return { error: 'start() could not read its options: one of them threw when read.' };
  }
  return {
    apply: (link) => {
      for (const [name, value] of entries)
        (link as unknown as Record<Property, unknown>)[name] = value;
    },
  };
}
