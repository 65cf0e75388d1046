import { expect } from '@open-wc/testing';
// The names `@fiskil/link` exports, imported the way code written for it does:
// this file failing to type-check means that code would no longer compile.
import {
  link,
  type ConsentErrorType,
  type LinkError,
  type LinkErrorCode,
  type LinkFlow,
  type LinkOptions,
  type LinkResult,
} from '../src/index.js';

describe('@fiskil/link compatibility', () => {
  it('accepts SDK-shaped code unchanged', async () => {
    const options: LinkOptions = { timeoutMs: 1000, authServer: 'http://example.com' };
    const flow: LinkFlow = link('ses_sdk', options);
    const outcome = await flow.then(
      (result: LinkResult) => result.consentID,
      (error: LinkError) => {
        const code: LinkErrorCode = error.code;
        return code;
      },
    );
    expect(outcome).to.equal('LINK_INVALID_CONFIG');
    const denied: ConsentErrorType = 'CONSENT_ENDUSER_DENIED';
    expect(denied).to.be.a('string');
  });
});
