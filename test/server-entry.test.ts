import { expect } from '@open-wc/testing';

// fiskil-link/server holds a client secret: a page that bundles it by mistake
// must fail at once, loudly, rather than ship the secret to every visitor.
describe('fiskil-link/server in a browser page', () => {
  it('refuses to load, saying it belongs on a server', async () => {
    let error: unknown;
    try {
      await import('../src/server/index.js');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(
      /^fiskil-link\/server holds your Fiskil client secret and runs only on a server/,
    );
  });

  it('also refuses to make a client when its module is reached some other way', async () => {
    // A bundler that drops the entry's own check (a side-effect-free build)
    // still meets this one in the only function that takes the secret.
    const { createFiskilClient } = await import('../src/server/client.js');
    expect(() => createFiskilClient({ clientId: 'id', clientSecret: 'secret' })).to.throw(
      /runs only on a server/,
    );
  });
});
