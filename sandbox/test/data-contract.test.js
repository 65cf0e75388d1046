// @ts-check
// The Data API's contract: field names and types per endpoint, in Fiskil's snake_case
// models (docs/protocol.md, "Reading data after consent"), and its cursor paging.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from './helpers.js';
import { assertShape } from './shape.js';

const LINKS = { next: 'string|null', prev: 'string|null' };
const ERROR = { id: 'string', name: 'string', message: 'string' };
const OWNED = {
  account_id: 'string',
  arrangement_id: 'string',
  institution_id: 'string',
  fiskil_id: 'string',
};
const BANK_ACCOUNT = {
  ...OWNED,
  display_name: 'string',
  nickname: 'string',
  product_category: 'string',
  product_name: 'string',
  masked_number: 'string',
  open_status: 'string',
  is_owned: 'boolean',
  account_ownership: 'string',
  creation_date: 'string',
};
const BALANCE = {
  ...OWNED,
  current_balance: 'string',
  available_balance: 'string',
  credit_limit: 'string?',
  currency: 'string',
  purses: ['string'],
};
const TRANSACTION = {
  ...OWNED,
  transaction_id: 'string',
  amount: 'string',
  currency: 'string',
  description: 'string',
  merchant_name: 'string|null',
  merchant_category_code: 'string|null',
  category: {
    primary_category: 'string',
    secondary_category: 'string',
    confidence_level: 'string',
  },
  posting_date_time: 'string|null',
  execution_date_time: 'string',
  status: 'string',
  type: 'string',
  reference: 'string',
  is_detail_available: 'boolean',
};
const ENERGY_ACCOUNT = {
  ...OWNED,
  account_number: 'string',
  display_name: 'string',
  open_status: 'string',
  creation_date: 'string',
  plans: [
    {
      nickname: 'string',
      service_point_ids: ['string'],
      plan_overview: { display_name: 'string', start_date: 'string' },
    },
  ],
};
const READ = {
  ...OWNED,
  service_point_id: 'string',
  meter_id: 'string',
  register_id: 'string',
  register_suffix: 'string',
  controlled_load: 'boolean',
  read_start_date: 'string',
  read_end_date: 'string',
  read_u_type: 'string',
  unit_of_measure: 'string',
};
const BASIC_READ = { ...READ, basic_read: { quality: 'string', value: 'number' } };
const INTERVAL_READ = {
  ...READ,
  interval_read: {
    aggregate_value: 'number',
    interval_reads: ['number'],
    read_interval_length: 'number',
  },
};

describe('Data API contract', () => {
  /** @type {Awaited<ReturnType<typeof startSandbox>>} */
  let sb;
  /** @type {Awaited<ReturnType<Awaited<ReturnType<typeof startSandbox>>['consent']>>} */
  let bank;
  /** @type {typeof bank} */
  let energy;
  /** @param {string} path @param {string} token */
  const get = (path, token) => sb.call('GET', path, { token });
  before(async () => {
    sb = await startSandbox();
    bank = await sb.consent('sandbox-bank', (a) => a.slice(0, 2));
    energy = await sb.consent('sandbox-energy');
  });
  after(() => sb.sandbox.close());

  it('GET /v1/banking/accounts: { accounts: [BankAccount], links }', async () => {
    const r = await get(`/v1/banking/accounts?end_user_id=${bank.endUserId}`, bank.token);
    assert.equal(r.status, 200);
    assertShape(r.body, { accounts: [BANK_ACCOUNT], links: LINKS });
    assert.deepEqual(
      r.body.accounts.map((/** @type {any} */ a) => a.account_id),
      bank.accounts,
    );
    assert.equal(r.body.accounts[0].arrangement_id, bank.outcome.consentID);
    assert.equal(r.body.accounts[0].institution_id, 'sandbox-bank');
  });

  it('GET /v1/banking/balances: { balances: [Balance], links }, decimal strings', async () => {
    const r = await get(`/v1/banking/balances?end_user_id=${bank.endUserId}`, bank.token);
    assertShape(r.body, { balances: [BALANCE], links: LINKS });
    assert.equal(r.body.balances.length, 2);
    for (const b of r.body.balances) assert.match(b.current_balance, /^-?\d+\.\d\d$/);
    const one = await get(
      `/v1/banking/balances?end_user_id=${bank.endUserId}&account_id=${bank.accounts[1]}`,
      bank.token,
    );
    assert.deepEqual(
      one.body.balances.map((/** @type {any} */ b) => b.account_id),
      [bank.accounts[1]],
    );
  });

  it('GET /v1/banking/transactions: { transactions: [Transaction], links }, filters', async () => {
    const q = `end_user_id=${bank.endUserId}&account_id=${bank.accounts[0]}`;
    const r = await get(`/v1/banking/transactions?${q}`, bank.token);
    assertShape(r.body, { transactions: [TRANSACTION], links: LINKS });
    assert.equal(r.body.transactions.length, 60);
    for (const t of r.body.transactions) {
      assert.match(t.amount, /^-?\d+\.\d\d$/);
      assert.ok(['PENDING', 'POSTED'].includes(t.status));
      assert.equal(t.posting_date_time === null, t.status === 'PENDING');
    }
    const posted = await get(`/v1/banking/transactions?${q}&status=POSTED`, bank.token);
    assert.ok(posted.body.transactions.every((/** @type {any} */ t) => t.status === 'POSTED'));
    assert.equal(posted.body.transactions.length, 58);
    const both = await get(`/v1/banking/transactions?end_user_id=${bank.endUserId}`, bank.token);
    assert.equal(both.body.transactions.length, 100, 'all consented accounts, one default page');
  });

  it('GET /v1/energy/accounts: { accounts: [EnergyAccount], links }', async () => {
    const r = await get(`/v1/energy/accounts?end_user_id=${energy.endUserId}`, energy.token);
    assertShape(r.body, { accounts: [ENERGY_ACCOUNT], links: LINKS });
    assert.equal(r.body.accounts.length, 2);
  });

  it('GET /v1/energy/usage: { usage: [read] } with daily basic and 30-minute interval reads', async () => {
    const [home, holiday] = energy.accounts;
    const q = `end_user_id=${energy.endUserId}`;
    const interval = await get(`/v1/energy/usage?${q}&account_id=${home}`, energy.token);
    assertShape(interval.body, { usage: [INTERVAL_READ], links: LINKS });
    assert.equal(interval.body.usage.length, 30);
    const read = interval.body.usage[0];
    assert.equal(read.read_u_type, 'intervalRead');
    assert.equal(read.interval_read.read_interval_length, 30);
    assert.equal(read.interval_read.interval_reads.length, 48);
    const sum = read.interval_read.interval_reads.reduce(
      (/** @type {number} */ a, /** @type {number} */ b) => a + b,
      0,
    );
    assert.ok(Math.abs(sum - read.interval_read.aggregate_value) < 0.01, 'aggregate = sum');
    const basic = await get(`/v1/energy/usage?${q}&account_id=${holiday}`, energy.token);
    assertShape(basic.body, { usage: [BASIC_READ], links: LINKS });
    assert.equal(basic.body.usage[0].read_u_type, 'basicRead');
    const byPoint = await get(
      `/v1/energy/usage?${q}&service_point_id=${read.service_point_id}`,
      energy.token,
    );
    assert.ok(
      byPoint.body.usage.every(
        (/** @type {any} */ u) => u.service_point_id === read.service_point_id,
      ),
    );
    assert.equal(byPoint.body.usage.length, 30);
  });

  it('pages with page[size], page[after] and page[before], following links', async () => {
    const q = `end_user_id=${bank.endUserId}&account_id=${bank.accounts[0]}&page[size]=25`;
    const p1 = await get(`/v1/banking/transactions?${q}`, bank.token);
    assert.equal(p1.body.transactions.length, 25);
    assert.equal(p1.body.links.prev, null);
    assert.match(p1.body.links.next, /page%5Bafter%5D=|page\[after\]=/);
    /** @param {string} link */
    const follow = (link) => get(new URL(link).pathname + new URL(link).search, bank.token);
    const p2 = await follow(p1.body.links.next);
    assert.equal(p2.body.transactions.length, 25);
    assert.notEqual(p2.body.transactions[0].transaction_id, p1.body.transactions[0].transaction_id);
    const p3 = await follow(p2.body.links.next);
    assert.equal(p3.body.transactions.length, 10);
    assert.equal(p3.body.links.next, null);
    const back = await follow(p2.body.links.prev);
    assert.deepEqual(back.body.transactions, p1.body.transactions);
    const all = [...p1.body.transactions, ...p2.body.transactions, ...p3.body.transactions];
    assert.equal(new Set(all.map((t) => t.transaction_id)).size, 60);
  });

  it('errors are { id, name, message }: bad page size, bad cursor, no consent', async () => {
    const q = `end_user_id=${bank.endUserId}`;
    for (const bad of ['page[size]=0', 'page[size]=1001', 'page[size]=x', 'page[after]=nope']) {
      const r = await get(`/v1/banking/transactions?${q}&${bad}`, bank.token);
      assert.equal(r.status, 400, bad);
      assertShape(r.body, ERROR);
    }
    const none = await get(`/v1/energy/accounts?${q}`, bank.token);
    assert.equal(none.status, 403);
    assertShape(none.body, ERROR);
  });
});
