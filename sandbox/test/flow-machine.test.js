// @ts-check
// The hosted flow's state machine, with plain data: no server, no browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { advance, destination, initialState, resume } from '../flow-machine.js';
import { INSTITUTIONS } from '../institutions.js';

/** @type {import('../flow-machine.js').FlowEnv} */
const env = {
  institutions: INSTITUTIONS,
  accountsAt: (inst) => [
    { id: `${inst.id}-a`, name: 'A', masked: 'xx 1' },
    { id: `${inst.id}-b`, name: 'B', masked: 'xx 2' },
  ],
  dataTypes: () => ['Transaction details'],
  contact: { phone: '+61412345678', email: 'ada@example.com' },
};

/** Runs actions in turn from a fresh state; returns the last transition. @param {[string, object?][]} steps */
function run(steps, state = initialState(null)) {
  /** @type {import('../flow-machine.js').Transition | undefined} */
  let t;
  for (const [action, input] of steps) {
    t = advance(state, action, input ?? {}, env);
    state = t.state;
  }
  return /** @type {import('../flow-machine.js').Transition} */ (t);
}

const toLogin = /** @type {[string, object][]} */ ([
  ['institution', { institution_id: 'sandbox-bank' }],
]);
/** @param {string} username @returns {[string, object][]} */
const login = (username) => [...toLogin, ['login', { username, password: 'pass_good' }]];

describe('hosted flow state machine', () => {
  it('starts at the list, or at login for a pre-selected institution', () => {
    assert.equal(initialState(null).step, 'institution');
    const pre = initialState('sandbox-energy');
    assert.equal(pre.step, 'login');
    assert.equal(pre.preselected, true);
  });

  it('does not change the state it is given', () => {
    const s = initialState(null);
    const frozen = structuredClone(s);
    advance(s, 'institution', { institution_id: 'sandbox-bank' }, env);
    assert.deepEqual(s, frozen);
  });

  it('user_good: login, code, accounts, confirm ends completed with the chosen accounts', () => {
    const t = run([
      ...login('user_good'),
      ['otp', { code: '123456' }],
      ['confirm', { account_ids: ['sandbox-bank-b', 'sandbox-bank-b'] }],
    ]);
    assert.deepEqual(t.end, {
      status: 'completed',
      institution: INSTITUTIONS[0],
      accountIds: ['sandbox-bank-b'],
    });
    assert.equal(t.state.step, 'done');
  });

  it('a wrong password is an inline error that leaves the step as it was', () => {
    const t = run([...toLogin, ['login', { username: 'user_good', password: 'nope' }]]);
    assert.equal(t.reply?.error, 'invalid_credentials');
    assert.equal(t.state.step, 'login');
  });

  it('user_questions: a security question, retried after a wrong answer, then the code', () => {
    const asked = run(login('user_questions'));
    assert.equal(asked.reply?.step, 'question');
    assert.match(String(asked.reply?.question), /\?$/);
    const wrong = advance(asked.state, 'question', { answer: 'nope' }, env);
    assert.equal(wrong.reply?.error, 'invalid_answer');
    assert.equal(wrong.reply?.attempts_left, 2);
    const right = advance(wrong.state, 'question', { answer: ' Fiskil ' }, env);
    assert.equal(right.reply?.step, 'otp');
  });

  it('three wrong answers to the security question fail the flow', () => {
    const t = run([
      ...login('user_questions'),
      ['question', { answer: 'a' }],
      ['question', { answer: 'b' }],
      ['question', { answer: 'c' }],
    ]);
    assert.equal(t.end?.status, 'failed');
    const failure = t.end && 'failure' in t.end ? t.end.failure : undefined;
    assert.equal(failure?.type, 'CONSENT_OTP_FAILURE');
    assert.match(String(failure?.description), /security question/);
  });

  it('records the chosen code channel and says where the code went', () => {
    const otp = run(login('user_good'));
    assert.equal(otp.reply?.channel, 'sms');
    assert.equal(otp.reply?.destination, '•••• ••• 678');
    const email = advance(otp.state, 'channel', { channel: 'email' }, env);
    assert.equal(email.state.otp_channel, 'email');
    assert.equal(email.reply?.destination, 'a•••@example.com');
    assert.throws(() => advance(otp.state, 'channel', { channel: 'pigeon' }, env), {
      code: 'invalid_request',
    });
    assert.equal(destination('sms', {}), '•••• ••• 123');
    assert.equal(destination('email', {}), 'the email address on file');
  });

  it('three wrong codes fail with CONSENT_OTP_FAILURE', () => {
    const t = run([
      ...login('user_good'),
      ['otp', { code: '1' }],
      ['otp', { code: '2' }],
      ['otp', { code: '3' }],
    ]);
    assert.equal(t.end && 'failure' in t.end && t.end.failure.type, 'CONSENT_OTP_FAILURE');
  });

  it('an unavailable institution: retry stays there, back returns to the list, close fails', () => {
    const down = run([['institution', { institution_id: 'unavailable-bank' }]]);
    assert.equal(down.state.step, 'unavailable');
    const retried = advance(down.state, 'retry', {}, env);
    assert.equal(retried.state.step, 'unavailable');
    assert.equal(retried.reply?.tries, 1);
    const back = advance(retried.state, 'back', {}, env);
    assert.equal(back.state.step, 'institution');
    const other = advance(back.state, 'institution', { institution_id: 'wattle-mutual' }, env);
    assert.equal(other.state.step, 'login');
    const closed = advance(down.state, 'close', {}, env);
    assert.equal(
      closed.end && 'failure' in closed.end && closed.end.failure.type,
      'CONSENT_UPSTREAM_PROCESSING_ERROR',
    );
  });

  it('a pre-selected institution cannot be swapped for another', () => {
    const s = initialState('sandbox-bank');
    assert.throws(() => advance(s, 'back', {}, env), { code: 'invalid_step' });
    assert.throws(() => advance(s, 'institution', { institution_id: 'wattle-mutual' }, env), {
      code: 'invalid_step',
    });
  });

  it('refuses steps out of order, unknown actions and anything after the end', () => {
    assert.throws(() => advance(initialState(null), 'otp', { code: '123456' }, env), {
      code: 'invalid_step',
    });
    assert.throws(() => advance(initialState(null), 'toString', {}, env), { code: 'not_found' });
    const done = run([['cancel']]);
    assert.equal(done.end?.status, 'cancelled');
    assert.throws(() => advance(done.state, 'cancel', {}, env), { code: 'invalid_step' });
  });

  it('resume: a reload goes back to the login of the chosen institution, keeping failure counts', () => {
    const t = run([...login('user_good'), ['otp', { code: '0' }]]);
    const again = resume(t.state, env);
    assert.equal(again.step, 'login');
    assert.equal(again.otp_failures, 1);
    assert.equal(resume(initialState(null), env).step, 'institution');
    const down = run([['institution', { institution_id: 'unavailable-bank' }]]);
    assert.equal(resume(down.state, env).step, 'unavailable');
  });
});
