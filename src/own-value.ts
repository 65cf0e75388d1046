/**
 * `object[key]` when it is `object`'s own property, else `undefined`; also
 * `undefined` when reading it throws (a getter, a revoked proxy). The hosted
 * page's message fields and the page's `strings` are read through this: a key
 * inherited from a polluted `Object.prototype` is not something either said.
 */
export function ownValue(object: unknown, key: string): unknown {
  try {
    return typeof object == 'object' && object && Object.hasOwn(object, key)
      ? (object as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}
