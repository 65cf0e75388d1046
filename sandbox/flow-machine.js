// @ts-check
// The hosted flow as a state machine of pure functions: a step and an input give the
// next state and what to answer the page, or how the flow ends. No I/O, no clock, no
// ids: the server (api/hosted.js) supplies what the machine needs and carries out the end.
import {
  OTP_ATTEMPTS,
  QUESTION_ATTEMPTS,
  SECURITY_ANSWER,
  SECURITY_QUESTION,
  TEST_OTP,
  TEST_PASSWORD,
  TEST_USERS,
} from './config.js';
import { ApiError } from './http.js';

/**
 * @typedef {'institution' | 'unavailable' | 'login' | 'question' | 'otp' | 'accounts' | 'silent' | 'done'} Step
 * @typedef {'sms' | 'email' | 'app'} Channel
 * @typedef {{ step: Step; institution_id: string | null; preselected: boolean; otp_channel: Channel; otp_failures: number; question_failures: number; unavailable_tries: number }} FlowState
 * @typedef {import('./institutions.js').Institution} Institution
 * @typedef {{ id: string; name: string; masked: string }} OfferedAccount
 * @typedef {{
 *   institutions: readonly Institution[];
 *   accountsAt: (inst: Institution) => OfferedAccount[];
 *   dataTypes: (inst: Institution) => string[];
 *   contact: { phone?: string | null; email?: string | null };
 * }} FlowEnv what the machine may know of the sandbox: the offered institutions, the user's accounts, contact details
 * @typedef {import('./outcomes.js').Failure} Failure
 * @typedef {{ status: 'completed'; institution: Institution; accountIds: string[] } | { status: 'failed' | 'cancelled'; failure: Failure }} Ending
 * @typedef {{ state: FlowState; reply: Record<string, unknown>; end?: undefined } | { state: FlowState; end: Ending; reply?: undefined }} Transition
 */

export const CHANNELS = /** @type {const} */ (['sms', 'email', 'app']);

/** @param {string | null} institutionId a pre-selected institution, already checked @returns {FlowState} */
export const initialState = (institutionId) => ({
  step: institutionId ? 'login' : 'institution',
  institution_id: institutionId,
  preselected: Boolean(institutionId),
  otp_channel: 'sms',
  otp_failures: 0,
  question_failures: 0,
  unavailable_tries: 0,
});

/** @param {FlowState} s @param {FlowEnv} env */
const institutionOf = (s, env) => env.institutions.find((i) => i.id === s.institution_id);

/** @param {FlowState} s @param {...Step} steps */
function expectStep(s, ...steps) {
  if (!steps.includes(s.step))
    throw new ApiError(
      409,
      'invalid_step',
      `This action is not available at the "${s.step}" step.`,
    );
}

/** @param {Institution} inst @returns {Step} */
const stepAt = (inst) => (inst.unavailable ? 'unavailable' : 'login');

/**
 * Where a reload of the hosted page picks up: the flow starts over at the
 * institution's login (or its list), keeping the failure counts.
 * @param {FlowState} s @param {FlowEnv} env @returns {FlowState}
 */
export function resume(s, env) {
  const inst = institutionOf(s, env);
  return {
    ...s,
    step: inst && (s.preselected || s.step !== 'institution') ? stepAt(inst) : 'institution',
  };
}

/** Masks all but the end of a contact detail. @param {Channel} channel @param {FlowEnv['contact']} contact */
export function destination(channel, contact) {
  if (channel === 'app') return 'your authenticator app';
  if (channel === 'email') {
    const [user, domain] = (contact.email ?? '').split('@');
    return user && domain ? `${user[0]}•••@${domain}` : 'the email address on file';
  }
  const digits = (contact.phone ?? '').replace(/\D/g, '');
  return `•••• ••• ${digits.length >= 3 ? digits.slice(-3) : '123'}`;
}

/** @param {FlowState} s @param {FlowEnv} env */
const otpReply = (s, env) => ({
  step: 'otp',
  channel: s.otp_channel,
  channels: CHANNELS,
  destination: destination(s.otp_channel, env.contact),
  attempts_left: OTP_ATTEMPTS - s.otp_failures,
});

/** @param {number} left */
const attemptsLeft = (left) => `${left} ${left === 1 ? 'attempt' : 'attempts'} left`;

/** @param {FlowState} s @param {Failure} failure @returns {Transition} */
const fail = (s, failure) => ({
  state: { ...s, step: 'done' },
  end: { status: 'failed', failure },
});

/** @type {Record<string, (s: FlowState, input: Record<string, any>, env: FlowEnv) => Transition>} */
const ACTIONS = {
  institution(s, input, env) {
    // From the login or unavailable step too: the page's Back needs no round trip.
    expectStep(s, 'institution', 'login', 'unavailable');
    if (s.preselected)
      throw new ApiError(409, 'invalid_step', 'The app chose this institution for you.');
    const inst = env.institutions.find((i) => i.id === input.institution_id);
    if (!inst)
      throw new ApiError(400, 'invalid_institution_id', 'Choose one of the listed institutions.');
    const state = { ...s, institution_id: inst.id, step: stepAt(inst), unavailable_tries: 0 };
    return { state, reply: { step: state.step, institution: inst } };
  },
  back(s) {
    expectStep(s, 'login', 'unavailable');
    if (s.preselected)
      throw new ApiError(409, 'invalid_step', 'The app chose this institution for you.');
    return { state: { ...s, step: 'institution' }, reply: { step: 'institution' } };
  },
  retry(s, _input, env) {
    expectStep(s, 'unavailable');
    const inst = /** @type {Institution} */ (institutionOf(s, env));
    const state = { ...s, step: stepAt(inst), unavailable_tries: s.unavailable_tries + 1 };
    return {
      state,
      reply: { step: state.step, institution: inst, tries: state.unavailable_tries },
    };
  },
  login(s, input, env) {
    expectStep(s, 'login');
    const username = typeof input.username === 'string' ? input.username.trim() : '';
    const kind = Object.hasOwn(TEST_USERS, username)
      ? TEST_USERS[/** @type {keyof typeof TEST_USERS} */ (username)]
      : undefined;
    if (!kind || input.password !== TEST_PASSWORD)
      return {
        state: s,
        reply: {
          error: 'invalid_credentials',
          message: 'The username or password is incorrect. Check them and try again.',
        },
      };
    if (kind === 'ineligible')
      return fail(s, {
        form: 'redirect',
        error: 'access_denied',
        type: 'CONSENT_ENDUSER_INELIGIBLE',
        description: 'The end user is not eligible to share data from this institution.',
      });
    if (kind === 'timeout')
      return fail(s, {
        form: 'redirect',
        error: 'temporarily_unavailable',
        type: 'CONSENT_TIMEOUT',
        description: 'The consent process at the institution timed out.',
      });
    if (kind === 'silent') return { state: { ...s, step: 'silent' }, reply: { step: 'silent' } };
    if (kind === 'questions') {
      const state = { ...s, step: /** @type {Step} */ ('question') };
      return { state, reply: questionReply(state) };
    }
    const state = { ...s, step: /** @type {Step} */ ('otp') };
    return { state, reply: otpReply(state, env) };
  },
  question(s, input, env) {
    expectStep(s, 'question');
    const answer = typeof input.answer === 'string' ? input.answer.trim().toLowerCase() : '';
    if (answer === SECURITY_ANSWER) {
      const state = { ...s, step: /** @type {Step} */ ('otp') };
      return { state, reply: otpReply(state, env) };
    }
    const state = { ...s, question_failures: s.question_failures + 1 };
    if (state.question_failures >= QUESTION_ATTEMPTS)
      // Fiskil documents one authentication-failure type; a wrong second factor, whichever, is it.
      return fail(state, {
        form: 'redirect',
        error: 'access_denied',
        type: 'CONSENT_OTP_FAILURE',
        description: `The security question was answered wrongly ${QUESTION_ATTEMPTS} times.`,
      });
    const left = QUESTION_ATTEMPTS - state.question_failures;
    return {
      state,
      reply: {
        error: 'invalid_answer',
        message: `That answer is not right. ${attemptsLeft(left)}.`,
        attempts_left: left,
      },
    };
  },
  channel(s, input, env) {
    expectStep(s, 'otp');
    if (!CHANNELS.includes(input.channel))
      throw new ApiError(
        400,
        'invalid_request',
        `"channel" must be one of ${CHANNELS.join(', ')}.`,
      );
    const state = { ...s, otp_channel: /** @type {Channel} */ (input.channel) };
    return { state, reply: otpReply(state, env) };
  },
  otp(s, input, env) {
    expectStep(s, 'otp');
    const inst = /** @type {Institution} */ (institutionOf(s, env));
    if (input.code === TEST_OTP) {
      const state = { ...s, step: /** @type {Step} */ ('accounts') };
      return {
        state,
        reply: {
          step: 'accounts',
          accounts: env.accountsAt(inst),
          data_types: env.dataTypes(inst),
        },
      };
    }
    const state = { ...s, otp_failures: s.otp_failures + 1 };
    if (state.otp_failures >= OTP_ATTEMPTS)
      return fail(state, {
        form: 'redirect',
        error: 'access_denied',
        type: 'CONSENT_OTP_FAILURE',
        description: 'One-time password verification failed.',
      });
    const left = OTP_ATTEMPTS - state.otp_failures;
    return {
      state,
      reply: {
        error: 'invalid_otp',
        message: `That code is not right. ${attemptsLeft(left)}.`,
        attempts_left: left,
      },
    };
  },
  confirm(s, input, env) {
    expectStep(s, 'accounts');
    const inst = /** @type {Institution} */ (institutionOf(s, env));
    const held = env.accountsAt(inst).map((a) => a.id);
    const ids = input.account_ids;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => held.includes(id)))
      throw new ApiError(400, 'invalid_request', 'Select at least one of your accounts.');
    return {
      state: { ...s, step: 'done' },
      end: {
        status: 'completed',
        institution: inst,
        accountIds: [...new Set(/** @type {string[]} */ (ids))],
      },
    };
  },
  deny(s) {
    expectStep(s, 'accounts');
    return fail(s, {
      form: 'redirect',
      error: 'access_denied',
      type: 'CONSENT_ENDUSER_DENIED',
      description: 'End-user denied consent',
    });
  },
  cancel(s) {
    return {
      state: { ...s, step: 'done' },
      end: {
        status: 'cancelled',
        failure: {
          form: 'flat',
          type: 'AUTH_SESSION_CANCELLED',
          description: 'The end user cancelled the flow.',
        },
      },
    };
  },
  close(s) {
    expectStep(s, 'unavailable');
    return fail(s, {
      form: 'redirect',
      error: 'server_error',
      type: 'CONSENT_UPSTREAM_PROCESSING_ERROR',
      description: 'The institution is unavailable. Try again later.',
    });
  },
};

export const ACTION_NAMES = Object.freeze(Object.keys(ACTIONS));

/** @param {FlowState} s */
function questionReply(s) {
  return {
    step: 'question',
    question: SECURITY_QUESTION,
    attempts_left: QUESTION_ATTEMPTS - s.question_failures,
  };
}

/**
 * One step of the flow.
 * @param {FlowState} state @param {string} action one of ACTION_NAMES
 * @param {Record<string, any>} input the page's JSON body @param {FlowEnv} env
 * @returns {Transition}
 */
export function advance(state, action, input, env) {
  const fn = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!fn) throw new ApiError(404, 'not_found', `No hosted action "${action}".`);
  if (state.step === 'done') throw new ApiError(409, 'invalid_step', 'This flow has ended.');
  return fn(state, input, env);
}
