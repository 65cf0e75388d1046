// @ts-check
// Deterministic sample data, in the snake_case models of Fiskil's Data API
// (docs/protocol.md, "Reading data after consent"), whose fields follow the Consumer
// Data Right (CDR) banking and energy schemas; the names, numbers and amounts are invented.
import { createHash } from 'node:crypto';

/** @typedef {import('./institutions.js').Institution} Institution */

/** @param {string} s */
const hash = (s) => createHash('sha256').update(s).digest('hex');

/** A small seeded PRNG (mulberry32) so sample data is the same on every run. */
function rng(/** @type {string} */ seed) {
  let a = parseInt(hash(seed).slice(0, 8), 16);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BANK_PRODUCTS = [
  {
    key: 'everyday',
    displayName: 'Everyday Account',
    productCategory: 'TRANS_AND_SAVINGS_ACCOUNTS',
    productName: 'Everyday Transaction Account',
    base: 2450,
  },
  {
    key: 'saver',
    displayName: 'Bonus Saver',
    productCategory: 'TRANS_AND_SAVINGS_ACCOUNTS',
    productName: 'Bonus Saver Account',
    base: 18320,
  },
  {
    key: 'card',
    displayName: 'Low Rate Card',
    productCategory: 'CRED_AND_CHRG_CARDS',
    productName: 'Low Rate Credit Card',
    base: -1285,
  },
];
/** `interval`: a smart meter, read every 30 minutes; otherwise one basic read a day. */
const ENERGY_PLANS = [
  { key: 'home', displayName: 'Home electricity', plan: 'Flexi Saver', interval: true },
  { key: 'holiday', displayName: 'Holiday house', plan: 'Solar Saver', interval: false },
];
/** name, merchant category code, sign, [primary, secondary] category */
const MERCHANTS = /** @type {const} */ ([
  ['Woolworths Metro', '5411', -1, ['FOOD_AND_DRINK', 'GROCERIES']],
  ['Coles Online', '5411', -1, ['FOOD_AND_DRINK', 'GROCERIES']],
  ['Opal Transport', '4111', -1, ['TRANSPORTATION', 'PUBLIC_TRANSIT']],
  ['Bean There Cafe', '5814', -1, ['FOOD_AND_DRINK', 'COFFEE']],
  ['Netflix.com', '4899', -1, ['ENTERTAINMENT', 'TV_AND_MOVIES']],
  ['Sydney Water', '4900', -1, ['RENT_AND_UTILITIES', 'WATER']],
  ['Salary ACME PTY LTD', '', 1, ['INCOME', 'WAGES']],
  ['Transfer from J Citizen', '', 1, ['TRANSFER_IN', 'ACCOUNT_TRANSFER']],
  ['Bunnings Warehouse', '5200', -1, ['HOME_IMPROVEMENT', 'HARDWARE']],
  ['Chemist Warehouse', '5912', -1, ['MEDICAL', 'PHARMACIES']],
]);

/** @param {number} cents */
const money = (cents) => (cents / 100).toFixed(2);

/**
 * The accounts an end user holds at an institution (what account selection offers).
 * @param {string} endUserId
 * @param {Institution} inst
 */
export function accountsAt(endUserId, inst) {
  const list = inst.type === 'energy' ? ENERGY_PLANS : BANK_PRODUCTS;
  return list.map((p, n) => {
    const id = `acc_${hash(`${endUserId}|${inst.id}|${p.key}`).slice(0, 16)}`;
    const masked = `xxxx xxxx ${String(1000 + Math.floor(rng(id)() * 9000))}`;
    return { id, key: p.key, n, name: p.displayName, masked, institution: inst };
  });
}

/**
 * @typedef {ReturnType<typeof accountsAt>[number]} HeldAccount
 * @typedef {{ arrangement_id: string }} Grant the consent a record is read under
 */

/** @param {Date} d */
const day = (d) => d.toISOString().slice(0, 10);

/** The fields every record carries: whose it is, and Fiskil's own id for it. @param {HeldAccount} a @param {Grant} g @param {string} key */
const owned = (a, g, key) => ({
  account_id: a.id,
  arrangement_id: g.arrangement_id,
  institution_id: a.institution.id,
  fiskil_id: `fsk_${hash(`${a.id}|${key}`).slice(0, 20)}`,
});

/** A banking account. @param {HeldAccount} a @param {Grant} g */
export function bankingAccount(a, g) {
  const p = BANK_PRODUCTS[a.n];
  return {
    ...owned(a, g, 'account'),
    display_name: p.displayName,
    nickname: p.displayName,
    product_category: p.productCategory,
    product_name: p.productName,
    masked_number: a.masked,
    open_status: 'OPEN',
    is_owned: true,
    account_ownership: 'ONE_PARTY',
    creation_date: '2021-03-15',
  };
}

/** A banking account's balance. @param {HeldAccount} a @param {Grant} g */
export function bankingBalance(a, g) {
  const p = BANK_PRODUCTS[a.n];
  const cents = Math.round(p.base * 100 + rng(a.id + 'bal')() * 10000);
  const card = p.productCategory === 'CRED_AND_CHRG_CARDS';
  return {
    ...owned(a, g, 'balance'),
    current_balance: money(cents),
    available_balance: money(card ? 500000 + cents : cents),
    ...(card ? { credit_limit: '5000.00' } : {}),
    currency: 'AUD',
    purses: [],
  };
}

/**
 * A banking account's transactions, newest first, dated back from `anchor`; the
 * newest two are still pending.
 * @param {HeldAccount} a @param {Grant} g @param {Date} anchor
 */
export function bankingTransactions(a, g, anchor, count = 60) {
  const r = rng(a.id + 'tx');
  const out = [];
  for (let i = 0; i < count; i++) {
    const [merchant, mcc, sign, [primary, secondary]] =
      MERCHANTS[Math.floor(r() * MERCHANTS.length)];
    const cents = sign > 0 ? 50000 + Math.floor(r() * 300000) : 300 + Math.floor(r() * 15000);
    const when = new Date(
      anchor.getTime() - Math.floor(i * 0.7 + r()) * 86_400_000 - Math.floor(r() * 36_000_000),
    );
    const pending = i < 2;
    out.push({
      ...owned(a, g, `tx${i}`),
      transaction_id: `tx_${hash(`${a.id}|${i}`).slice(0, 14)}`,
      amount: money(sign * cents),
      currency: 'AUD',
      description: merchant.toUpperCase(),
      merchant_name: sign > 0 ? null : merchant,
      merchant_category_code: mcc || null,
      category: {
        primary_category: primary,
        secondary_category: secondary,
        confidence_level: mcc ? 'VERY_HIGH' : 'MEDIUM',
      },
      posting_date_time: pending ? null : when.toISOString(),
      execution_date_time: when.toISOString(),
      status: pending ? 'PENDING' : 'POSTED',
      type: sign > 0 ? 'TRANSFER_INCOMING' : 'PAYMENT',
      reference: '',
      is_detail_available: false,
    });
  }
  return out;
}

/** @param {HeldAccount} a */
export const servicePointId = (a) => `sp_${hash(a.id + 'sp').slice(0, 12)}`;

/** An energy account, with its plan and service point. @param {HeldAccount} a @param {Grant} g */
export function energyAccount(a, g) {
  const p = ENERGY_PLANS[a.n];
  return {
    ...owned(a, g, 'account'),
    account_number: a.masked.replace(/\s/g, ''),
    display_name: p.displayName,
    open_status: 'OPEN',
    creation_date: '2022-07-01',
    plans: [
      {
        nickname: p.plan,
        service_point_ids: [servicePointId(a)],
        plan_overview: { display_name: p.plan, start_date: '2024-07-01' },
      },
    ],
  };
}

/** 48 half-hour reads in kWh for one day, shaped like a household's (low at night, peaks at 8 and 19). @param {() => number} r */
function halfHours(r) {
  return Array.from({ length: 48 }, (_, i) => {
    const hour = i / 2;
    const shape =
      0.08 + 0.25 * Math.exp(-((hour - 8) ** 2) / 3) + 0.45 * Math.exp(-((hour - 19) ** 2) / 5);
    return Math.round((shape + r() * 0.06) * 1000) / 1000;
  });
}

/**
 * An energy account's usage, one read per day, newest first: interval reads from a
 * smart meter, basic reads otherwise.
 * @param {HeldAccount} a @param {Grant} g @param {Date} anchor
 */
export function energyUsage(a, g, anchor, days = 30) {
  const r = rng(a.id + 'usage');
  const sp = servicePointId(a);
  const interval = ENERGY_PLANS[a.n].interval;
  const out = [];
  for (let i = 0; i < days; i++) {
    const end = new Date(anchor.getTime() - i * 86_400_000);
    const start = new Date(end.getTime() - 86_400_000);
    const common = {
      ...owned(a, g, `read${i}`),
      service_point_id: sp,
      meter_id: `M${sp.slice(3, 11).toUpperCase()}`,
      register_id: 'E1',
      register_suffix: '11',
      controlled_load: false,
      read_start_date: day(start),
      read_end_date: day(end),
      unit_of_measure: 'KWH',
    };
    if (interval) {
      const reads = halfHours(r);
      const total = Math.round(reads.reduce((x, y) => x + y, 0) * 1000) / 1000;
      out.push({
        ...common,
        read_u_type: 'intervalRead',
        interval_read: { aggregate_value: total, interval_reads: reads, read_interval_length: 30 },
      });
    } else {
      out.push({
        ...common,
        read_u_type: 'basicRead',
        basic_read: { quality: 'ACTUAL', value: Math.round((8 + r() * 14) * 100) / 100 },
      });
    }
  }
  return out;
}
