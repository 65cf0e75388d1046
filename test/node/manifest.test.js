// custom-elements.json is published: it lists what integrators may use, and
// nothing an internal edit could change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(
  readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
);
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'fiskil-link');

test('the manifest lists no private or protected member', () => {
  const hidden = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .flatMap((declaration) =>
      (declaration.members ?? []).map((m) => ({ ...m, of: declaration.name })),
    )
    .filter((m) => m.name.startsWith('#') || m.privacy === 'private' || m.privacy === 'protected')
    .map((m) => `${m.of}.${m.name}`);
  assert.deepEqual(hidden, []);
});

test('the manifest keeps the public surface', () => {
  const names = element.members.map((member) => member.name);
  for (const name of [
    'sessionId',
    'allowedOrigin',
    'authServer',
    'timeout',
    'preload',
    'confirmClose',
    'strings',
    'open',
    'cancel',
  ]) {
    assert.ok(names.includes(name), `custom-elements.json lacks ${name}`);
  }
  assert.deepEqual(element.events.map((event) => event.name).sort(), [
    'consent',
    'link-close',
    'link-close-request',
    'link-error',
    'link-load',
    'link-open',
  ]);
});
