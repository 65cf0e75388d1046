// End users: create one, look one up by email, or make sure one exists.
import { FiskilApiError } from './errors.js';
import type { Transport } from './transport.js';
import type { TokenCache } from './token.js';

/** An end user, as the client hands it back (camelCase; Fiskil's own fields beside it). */
export interface EndUser {
  endUserId: string;
  email: string | null;
  name: string | null;
  /** E.164, e.g. `+61412345678`. */
  phone?: string | null;
  abn?: string | null;
  createdAt?: string;
}

export interface NewEndUser {
  email?: string;
  name?: string;
  /** E.164, e.g. `+61412345678`. */
  phone?: string;
  /** Australian Business Number, 11 digits. */
  abn?: string;
}

export interface EndUsers {
  /** `POST /v1/end-users`. Not retried: a create that failed half-way may have happened. */
  create(user: NewEndUser): Promise<EndUser>;
  /** `GET /v1/end-users?email=`: the end user with that email (any case), or null. */
  findByEmail(email: string): Promise<EndUser | null>;
  /** The end user with this email: created, or on `end_user_already_exists`, the one Fiskil has. */
  ensure(user: NewEndUser & { email: string }): Promise<EndUser>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** An end user from Fiskil's snake_case record, or null when it carries no id. */
function fromRecord(record: unknown): EndUser | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  const endUserId = str(r.end_user_id) ?? str(r.id);
  if (!endUserId) return null;
  const user: EndUser = { endUserId, email: str(r.email), name: str(r.name) };
  if ('phone' in r) user.phone = str(r.phone);
  if ('abn' in r) user.abn = str(r.abn);
  if (typeof r.created_at === 'string') user.createdAt = r.created_at;
  return user;
}

/** The records of a list answer: a bare array, or one under `end_users` or `data`. */
function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  for (const key of ['end_users', 'data']) if (Array.isArray(b[key])) return b[key] as unknown[];
  return 'end_user_id' in b ? [b] : [];
}

function invalid(call: string, detail: string) {
  return new FiskilApiError({ call, status: 200, code: 'invalid_response', detail });
}

export function createEndUsers(http: Transport, tokens: TokenCache): EndUsers {
  const endUsers: EndUsers = {
    async create(user) {
      const body = await http.request(
        {
          method: 'POST',
          path: '/v1/end-users',
          body: { email: user.email, name: user.name, phone: user.phone, abn: user.abn },
          retries: false,
        },
        tokens,
      );
      const id = fromRecord(body)?.endUserId;
      if (!id) throw invalid('POST /v1/end-users', 'no end_user_id in the answer');
      return {
        endUserId: id,
        email: user.email ?? null,
        name: user.name ?? null,
        ...(user.phone === undefined ? {} : { phone: user.phone }),
        ...(user.abn === undefined ? {} : { abn: user.abn }),
      };
    },

    async findByEmail(email) {
      let body: unknown;
      try {
        body = await http.request(
          { method: 'GET', path: '/v1/end-users', query: { email }, retries: true },
          tokens,
        );
      } catch (error) {
        if (error instanceof FiskilApiError && error.status === 404) return null;
        throw error;
      }
      const wanted = email.toLowerCase();
      return (
        recordsOf(body)
          .map(fromRecord)
          .find((u) => u !== null && u.email?.toLowerCase() === wanted) ?? null
      );
    },

    async ensure(user) {
      try {
        return await endUsers.create(user);
      } catch (error) {
        if (!(error instanceof FiskilApiError) || error.code !== 'end_user_already_exists')
          throw error;
        const existing = await endUsers.findByEmail(user.email);
        if (!existing) throw error;
        return existing;
      }
    },
  };
  return endUsers;
}
