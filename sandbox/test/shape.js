// @ts-check
// A small structural check for the data contract tests: every field named, typed,
// and nothing else present (so a stray camelCase field fails too).
import assert from 'node:assert/strict';

/**
 * A type name ('string', 'number', 'boolean', 'null'; several with '|'; a trailing '?'
 * when the key may be absent), a nested shape, or a one-element array of a shape.
 * @typedef {string | { [key: string]: any } | [any]} Shape
 */

/**
 * @param {unknown} value
 * @param {Shape} shape
 * @param {string} [at] where we are, for the message
 */
export function assertShape(value, shape, at = '$') {
  if (typeof shape === 'string') {
    const types = shape.replace(/\?$/, '').split('|');
    const actual = value === null ? 'null' : typeof value;
    assert.ok(types.includes(actual), `${at}: expected ${types.join(' or ')}, got ${actual}`);
    return;
  }
  if (Array.isArray(shape)) {
    assert.ok(Array.isArray(value), `${at}: expected an array`);
    value.forEach((v, i) => assertShape(v, shape[0], `${at}[${i}]`));
    return;
  }
  assert.ok(
    value !== null && typeof value === 'object' && !Array.isArray(value),
    `${at}: expected an object`,
  );
  const obj = /** @type {Record<string, unknown>} */ (value);
  for (const key of Object.keys(obj))
    assert.ok(Object.hasOwn(shape, key), `${at}: unexpected field "${key}"`);
  for (const [key, sub] of Object.entries(shape)) {
    const optional = typeof sub === 'string' && sub.endsWith('?');
    if (!Object.hasOwn(obj, key)) {
      assert.ok(optional, `${at}: missing field "${key}"`);
      continue;
    }
    assertShape(obj[key], sub, `${at}.${key}`);
  }
}
