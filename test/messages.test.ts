import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import {
  dialogOf,
  hostedLocation,
  hostedOrigin,
  hostedPost,
  openFlow,
  postFromProvider,
  recordEvents,
} from './helpers.js';

// What the element does with the messages of docs/protocol.md (their parsing, form by form,
// is in test/protocol.test.ts; races and repeated outcomes in test/races.test.ts).

const success = { isCompleted: true, consentID: 'con_1', redirectURL: '/done' };

describe('<fiskil-link> messages from the hosted page', () => {
  it('dispatches consent for a success message from the hosted page', async () => {
    const el = await openFlow();
    const consent = oneEvent(el, 'consent');
    hostedPost(el, success);
    const { detail } = await consent;
    expect(detail).to.deep.equal({ consentID: 'con_1', redirectURL: '/done' });
  });

  it('omits redirectURL when the hosted page sends none', async () => {
    const el = await openFlow();
    const consent = oneEvent(el, 'consent');
    hostedPost(el, { isCompleted: true, consentID: 'con_2' });
    expect((await consent).detail).to.deep.equal({ consentID: 'con_2' });
  });

  it('dispatches link-error with the details of a flat failure', async () => {
    const el = await openFlow();
    const error = oneEvent(el, 'link-error');
    hostedPost(el, {
      isCompleted: false,
      error: 'OTP failed',
      errorType: 'CONSENT_OTP_FAILURE',
      errorID: 'err_1',
      errorDescription: 'Wrong code three times',
      errorURI: 'https://docs/errors#CONSENT_OTP_FAILURE',
    });
    const { detail } = await error;
    expect(detail.code).to.equal('CONSENT_OTP_FAILURE');
    expect(detail.message).to.equal('OTP failed');
    expect(detail.details).to.deep.equal({
      error_id: 'err_1',
      error_type: 'CONSENT_OTP_FAILURE',
      error_description: 'Wrong code three times',
      error_uri: 'https://docs/errors#CONSENT_OTP_FAILURE',
    });
  });

  it('reads a failure from the redirect-URL form', async () => {
    const el = await openFlow();
    const error = oneEvent(el, 'link-error');
    hostedPost(el, {
      isCompleted: true,
      redirectURL:
        'https://auth.fiskil.com/cancel?error=access_denied&error_description=End-user+denied+consent' +
        '&error_id=err_ce4c&error_type=CONSENT_ENDUSER_DENIED&error_uri=https%3A%2F%2Fdocs%23x',
    });
    const { detail } = await error;
    expect(detail.code).to.equal('CONSENT_ENDUSER_DENIED');
    // As @fiskil/link gives it: the URL's error_type, before its error.
    expect(detail.message).to.equal('CONSENT_ENDUSER_DENIED');
    expect(detail.details).to.deep.equal({
      error_id: 'err_ce4c',
      error_type: 'CONSENT_ENDUSER_DENIED',
      error_description: 'End-user denied consent',
      error_uri: 'https://docs#x',
    });
  });

  it('gives LINK_INTERNAL_ERROR for a bare { error }', async () => {
    const el = await openFlow();
    const error = oneEvent(el, 'link-error');
    hostedPost(el, { error: 'Some error' });
    const { detail } = await error;
    expect(detail.code).to.equal('LINK_INTERNAL_ERROR');
    expect(detail.message).to.equal('Some error');
  });

  it('passes an unknown error code through unchanged', async () => {
    const el = await openFlow();
    const error = oneEvent(el, 'link-error');
    hostedPost(el, { isCompleted: false, errorType: 'SOMETHING_NEW', error: 'new' });
    expect((await error).detail.code).to.equal('SOMETHING_NEW');
  });

  it('ignores a protocol message from another window, even with the right origin and shape', async () => {
    const el = await openFlow();
    const events = recordEvents(el);
    postFromProvider(el, success, { source: window });
    postFromProvider(el, success, { source: null });
    await aTimeout(0);
    expect(events).to.deep.equal([]);
    expect(dialogOf(el).open).to.equal(true);
  });

  it('ignores messages that are not protocol messages', async () => {
    const el = await openFlow();
    const events = recordEvents(el);
    for (const data of [
      null,
      'consent',
      42,
      [],
      { isCompleted: true },
      { isCompleted: false },
      { isCompleted: true, consentID: 7 },
      { isCompleted: true, consentID: '' },
      { isCompleted: true, consentID: { id: 'x' } },
      { type: 'webpackOk' },
    ]) {
      hostedPost(el, data);
    }
    // A valid message after the junk proves the junk was delivered first and ignored.
    const consent = oneEvent(el, 'consent');
    hostedPost(el, success);
    await consent;
    expect(events).to.deep.equal(['consent', 'link-close']);
  });

  it('fails with LINK_ORIGIN_MISMATCH when the frame posts from an origin that is not allowed', async () => {
    const el = await openFlow('ses_123', { allowedOrigin: 'https://auth.fiskil.com' });
    const error = oneEvent(el, 'link-error');
    hostedPost(el, success);
    const { detail } = await error;
    expect(detail.code).to.equal('LINK_ORIGIN_MISMATCH');
    expect(detail.details).to.deep.equal({
      expectedOrigin: 'https://auth.fiskil.com',
      receivedOrigin: hostedOrigin,
    });
    expect(dialogOf(el).open).to.equal(false);
  });

  it('does not count a non-protocol message from a wrong origin as a mismatch', async () => {
    const el = await openFlow('ses_123', { allowedOrigin: 'https://auth.fiskil.com' });
    const events = recordEvents(el);
    hostedPost(el, { hello: 'world' });
    await hostedLocation(el); // a round trip: the message above has been handled
    expect(events).to.deep.equal([]);
  });

  it('lets two elements each hear only their own iframe', async () => {
    const a = await openFlow('ses_a');
    const b = await openFlow('ses_b');
    const aEvents = recordEvents(a);
    const consent = oneEvent(b, 'consent');
    hostedPost(b, success);
    await consent;
    expect(aEvents).to.deep.equal([]);
    const aConsent = oneEvent(a, 'consent');
    hostedPost(a, { isCompleted: true, consentID: 'con_a' });
    expect((await aConsent).detail.consentID).to.equal('con_a');
  });
});
