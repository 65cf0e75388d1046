// @ts-check
// The hosted flow's steps as Fiskil's seeds describe them, through the sandbox's HTTP
// API: security questions, a real MFA channel, an unavailable institution the user can
// leave, and the integrator's customisation (options and CLI flags).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../server.js';
import { assertError, newSession, startSandbox, suiteSandbox } from './helpers.js';

/** @param {string} redirectURL */
const errorType = (redirectURL) => new URL(redirectURL).searchParams.get('error_type');

describe('hosted flow fidelity', () => {
  const sb = suiteSandbox();

  describe('security questions (user_questions)', () => {
    /** @param {string} sessionId */
    const login = (sessionId) =>
      sb
        .step(sessionId, 'institution', { institution_id: 'sandbox-bank' })
        .then(() =>
          sb.step(sessionId, 'login', { username: 'user_questions', password: 'pass_good' }),
        );

    it('asks a question; a wrong answer can be retried; the right one leads to the code', async () => {
      const { sessionId } = await sb.session();
      const asked = await login(sessionId);
      assert.equal(asked.body.step, 'question');
      assert.equal(asked.body.attempts_left, 3);
      const wrong = await sb.step(sessionId, 'question', { answer: 'acme' });
      assert.equal(wrong.status, 200);
      assert.equal(wrong.body.error, 'invalid_answer');
      assert.match(wrong.body.message, /2 attempts left/);
      const right = await sb.step(sessionId, 'question', { answer: 'fiskil' });
      assert.equal(right.body.step, 'otp');
      const accounts = await sb.step(sessionId, 'otp', { code: '123456' });
      assert.equal(accounts.body.step, 'accounts');
    });

    it('three wrong answers end the flow with CONSENT_OTP_FAILURE, saying why', async () => {
      const { sessionId, token } = await sb.session();
      await login(sessionId);
      await sb.step(sessionId, 'question', { answer: 'a' });
      await sb.step(sessionId, 'question', { answer: 'b' });
      const r = await sb.step(sessionId, 'question', { answer: 'c' });
      const u = new URL(r.body.outcome.redirectURL);
      assert.equal(u.searchParams.get('error_type'), 'CONSENT_OTP_FAILURE');
      assert.match(String(u.searchParams.get('error_description')), /security question/);
      assert.equal(
        (await sb.call('GET', `/sandbox/sessions/${sessionId}`, { token })).body.status,
        'failed',
      );
    });
  });

  it('MFA: the chosen channel is recorded and answered with where the code went', async () => {
    const token = await sb.token();
    const eu = await sb.call('POST', '/v1/end-users', {
      token,
      body: { email: 'sam@example.com', phone: '+61400000987' },
    });
    const s = await sb.call('POST', '/v1/auth/session', {
      token,
      body: { end_user_id: eu.body.end_user_id },
    });
    const id = s.body.session_id;
    await sb.step(id, 'institution', { institution_id: 'sandbox-bank' });
    const sms = await sb.step(id, 'login', { username: 'user_good', password: 'pass_good' });
    assert.equal(sms.body.channel, 'sms');
    assert.equal(sms.body.destination, '•••• ••• 987');
    assert.deepEqual(sms.body.channels, ['sms', 'email', 'app']);
    const email = await sb.step(id, 'channel', { channel: 'email' });
    assert.equal(email.body.channel, 'email');
    assert.equal(email.body.destination, 's•••@example.com');
    const state = await sb.call('GET', `/sandbox/sessions/${id}`, { token });
    assert.equal(state.body.otp_channel, 'email');
    assertError(await sb.step(id, 'channel', { channel: 'fax' }), 400, 'invalid_request');
  });

  it('institution unavailable: try again and go back in the same session, then consent elsewhere', async () => {
    const { sessionId } = await sb.session();
    const down = await sb.step(sessionId, 'institution', { institution_id: 'unavailable-bank' });
    assert.equal(down.body.step, 'unavailable');
    const again = await sb.step(sessionId, 'retry');
    assert.equal(again.body.step, 'unavailable');
    assert.equal(again.body.tries, 1);
    assert.equal((await sb.step(sessionId, 'back')).body.step, 'institution');
    const offered = await sb.toConsent(sessionId, 'wattle-mutual');
    assert.equal(offered.body.step, 'accounts');
    const done = await sb.step(sessionId, 'confirm', {
      account_ids: [offered.body.accounts[0].id],
    });
    assert.match(done.body.outcome.consentID, /^arr_/);
  });

  it('a pre-selected unavailable institution offers try again and close, not back', async () => {
    const { sessionId } = await sb.session({ institution_id: 'unavailable-bank' });
    const page = await sb.call('GET', `/hosted/api/sessions/${sessionId}`);
    assert.equal(page.body.step, 'unavailable');
    assert.equal(page.body.preselected, true);
    assertError(await sb.step(sessionId, 'back'), 409, 'invalid_step');
    const closed = await sb.step(sessionId, 'close');
    assert.equal(errorType(closed.body.outcome.redirectURL), 'CONSENT_UPSTREAM_PROCESSING_ERROR');
  });

  describe('customising the flow', () => {
    it('brand colour, logo, institutions by id, purpose and consent period reach the page', async () => {
      const custom = await startSandbox({
        appName: 'Budgetly',
        appLogo: 'https://example.com/logo.png',
        brandColor: '#0a7d55',
        purpose: 'To budget.',
        consentDays: 90,
        institutions: ['wattle-mutual', 'coastal-power'],
      });
      try {
        const { sessionId } = await custom.session();
        const page = await custom.call('GET', `/hosted/api/sessions/${sessionId}`);
        assert.deepEqual(page.body.app, {
          name: 'Budgetly',
          logo_url: 'https://example.com/logo.png',
          brand_color: '#0a7d55',
        });
        assert.equal(page.body.purpose, 'To budget.');
        assert.equal(page.body.consent_days, 90);
        assert.deepEqual(
          page.body.institutions.map((/** @type {any} */ i) => i.id),
          ['wattle-mutual', 'coastal-power'],
        );
        assertError(
          await custom.step(sessionId, 'institution', { institution_id: 'sandbox-bank' }),
          400,
          'invalid_institution_id',
        );
        const c = await custom.consent('coastal-power');
        const list = await custom.call('GET', `/v1/consent?end_user_id=${c.endUserId}`, {
          token: c.token,
        });
        assert.equal(list.body[0].duration, 90 * 86_400);
        // A pre-selected institution outside the industries: defects.test.js.
      } finally {
        await custom.sandbox.close();
      }
    });

    it('refuses bad options with the option’s name', () => {
      for (const [options, message] of /** @type {[object, RegExp][]} */ ([
        [{ brandColor: 'teal' }, /"brandColor" must be a colour/],
        [{ institutions: ['nope'] }, /"institutions" has unknown ids nope/],
        [{ industries: ['energy'], institutions: ['sandbox-bank'] }, /leaves no institution/],
        [{ consentDays: -1 }, /"consentDays"/],
        [{ appLogo: 'javascript:alert(1)' }, /"appLogo" must be an http\(s\) URL/],
        [{ webhookSecret: 'secret' }, /whsec_/],
        [{ industries: ['telco'] }, /"industries"/],
      ]))
        assert.throws(() => createSandbox(options), message);
    });

    it('the CLI on a port in use says so in one line, naming the port and --port', async () => {
      const taken = createSandbox({ log: () => {} });
      const url = await taken.listen(0);
      try {
        const port = new URL(url).port;
        const bin = fileURLToPath(new URL('../bin/fiskil-link-sandbox.js', import.meta.url));
        const child = spawn(process.execPath, [bin, '--port', port], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let err = '';
        child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
        const [status] = await once(child, 'exit');
        assert.equal(status, 2);
        const lines = err.trim().split('\n');
        assert.equal(lines.length, 1, `more than one line:\n${err}`);
        assert.match(lines[0], new RegExp(`port ${port} .*in use.*--port`));
      } finally {
        await taken.close();
      }
    });

    it('the CLI takes the same options as flags', async () => {
      const bin = fileURLToPath(new URL('../bin/fiskil-link-sandbox.js', import.meta.url));
      const child = spawn(
        process.execPath,
        [
          bin,
          '--port',
          '0',
          '--brand-color',
          '#112233',
          '--institutions',
          'sandbox-energy',
          '--purpose',
          'CLI purpose',
          '--consent-days',
          '30',
          '--client-secret',
          'cli_secret',
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        let out = '';
        child.stdout.setEncoding('utf8');
        while (!/listening on (http:\/\/\S+)/.test(out)) {
          const [chunk] = await once(child.stdout, 'data');
          out += chunk;
        }
        const url = /** @type {RegExpExecArray} */ (/listening on (http:\/\/\S+)/.exec(out))[1];
        const id = await newSession(url, { clientSecret: 'cli_secret' });
        const page = await (await fetch(`${url}/hosted/api/sessions/${id}`)).json();
        assert.equal(page.app.brand_color, '#112233');
        assert.equal(page.purpose, 'CLI purpose');
        assert.equal(page.consent_days, 30);
        assert.deepEqual(
          page.institutions.map((/** @type {any} */ i) => i.id),
          ['sandbox-energy'],
        );
      } finally {
        child.kill();
      }
      const bad = spawn(process.execPath, [bin, '--brand-color', 'teal'], { stdio: 'pipe' });
      let err = '';
      bad.stderr.setEncoding('utf8').on('data', (d) => (err += d));
      const [code] = await once(bad, 'exit');
      assert.equal(code, 2);
      assert.match(err, /--brand-color must be a colour/);
    });
  });
});
