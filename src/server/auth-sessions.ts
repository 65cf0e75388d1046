// Auth sessions: what the browser's <fiskil-link> needs to start a flow.
import { FiskilApiError } from './errors.js';
import type { TokenCache } from './token.js';
import type { Transport } from './transport.js';

export interface NewAuthSession {
  endUserId: string;
  /** Skips the institution list: the flow opens at this institution. */
  institutionId?: string;
  /** The data the consent asks for (Fiskil's permission names); the app's configuration when absent. */
  permissions?: string[];
  /** Where the hosted page sends the user after a flow outside an iframe; not needed with `<fiskil-link>`. */
  redirectUri?: string;
  cancelUri?: string;
}

export interface AuthSession {
  /** For `<fiskil-link session-id>`. Single use. */
  sessionId: string;
  /** The hosted flow's URL for this session. */
  authUrl: string;
  /** When the session can no longer be used, in unix seconds (as Fiskil gives it). */
  expiresAt: number;
}

export interface AuthSessions {
  /** `POST /v1/auth/session`. Not retried: each call makes a new session. */
  create(session: NewAuthSession): Promise<AuthSession>;
}

export function createAuthSessions(http: Transport, tokens: TokenCache): AuthSessions {
  return {
    async create(s) {
      const body = (await http.request(
        {
          method: 'POST',
          path: '/v1/auth/session',
          body: {
            end_user_id: s.endUserId,
            institution_id: s.institutionId,
            permissions: s.permissions,
            redirect_uri: s.redirectUri,
            cancel_uri: s.cancelUri,
          },
          retries: false,
        },
        tokens,
      )) as Record<string, unknown> | undefined;
      const sessionId = body?.session_id ?? body?.id;
      if (typeof sessionId !== 'string' || sessionId === '')
        throw new FiskilApiError({
          call: 'POST /v1/auth/session',
          status: 200,
          code: 'invalid_response',
          detail: 'no session_id in the answer',
        });
      return {
        sessionId,
        authUrl: typeof body?.auth_url === 'string' ? body.auth_url : '',
        expiresAt: Number(body?.expires_at ?? 0),
      };
    },
  };
}
