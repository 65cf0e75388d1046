// @ts-check
// Institutions and deterministic sample data. The shapes follow the Consumer Data
// Right (CDR) banking and energy schemas (https://consumerdatastandardsaustralia.github.io/standards/);
// the institutions, names and amounts are invented.
import { createHash } from 'node:crypto';

/**
 * @typedef {{ id: string; name: string; type: 'banking' | 'energy'; logo: string; unavailable?: boolean }} Institution
 */

/** @type {Institution[]} */
export const INSTITUTIONS = [
  { id: 'sandbox-bank', name: 'Sandbox Bank', type: 'banking', logo: '#0f766e' },
  { id: 'wattle-mutual', name: 'Wattle Mutual', type: 'banking', logo: '#b45309' },
  {
    id: 'unavailable-bank',
    name: 'Unavailable Bank',
    type: 'banking',
    logo: '#6b7280',
    unavailable: true,
  },
  { id: 'sandbox-energy', name: 'Sandbox Energy', type: 'energy', logo: '#7c3aed' },
  { id: 'coastal-power', name: 'Coastal Power', type: 'energy', logo: '#0369a1' },
];

/** @param {string} id */
export const findInstitution = (id) => INSTITUTIONS.find((i) => i.id === id);

/** Permissions (CDR scopes) requested by default for each industry. */
export const DEFAULT_PERMISSIONS = {
  banking: ['bank:accounts.basic:read', 'bank:accounts.detail:read', 'bank:transactions:read'],
  energy: [
    'energy:accounts.basic:read',
    'energy:accounts.detail:read',
    'energy:electricity.usage:read',
  ],
};

/** What each scope means, in the words the consent screen shows (CDR data language standards). */
export const PERMISSION_LABELS = {
  'bank:accounts.basic:read': 'Account name, type and balance',
  'bank:accounts.detail:read': 'Account numbers and features',
  'bank:transactions:read': 'Transaction details',
  'energy:accounts.basic:read': 'Account and plan information',
  'energy:accounts.detail:read': 'Account and plan details',
  'energy:electricity.usage:read': 'Electricity usage',
};

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
const ENERGY_PLANS = [
  {
    key: 'home',
    displayName: 'Home electricity',
    plan: 'Flexi Saver',
    address: '12 Sample St, Sydney NSW 2000',
  },
  {
    key: 'holiday',
    displayName: 'Holiday house',
    plan: 'Solar Saver',
    address: '4 Dune Rd, Byron Bay NSW 2481',
  },
];
const MERCHANTS = [
  ['Woolworths Metro', '5411', -1],
  ['Coles Online', '5411', -1],
  ['Opal Transport', '4111', -1],
  ['Bean There Cafe', '5814', -1],
  ['Netflix.com', '4899', -1],
  ['Sydney Water', '4900', -1],
  ['Salary ACME PTY LTD', '', 1],
  ['Transfer from J Citizen', '', 1],
  ['Bunnings Warehouse', '5200', -1],
  ['Chemist Warehouse', '5912', -1],
];

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

/** @typedef {ReturnType<typeof accountsAt>[number]} HeldAccount */

/** @param {Date} d */
const day = (d) => d.toISOString().slice(0, 10);

/**
 * CDR BankingAccount.
 * @param {HeldAccount} a
 */
export function bankingAccount(a) {
  const p = BANK_PRODUCTS[a.n];
  return {
    accountId: a.id,
    creationDate: '2021-03-15',
    displayName: p.displayName,
    nickname: p.displayName,
    openStatus: 'OPEN',
    isOwned: true,
    accountOwnership: 'ONE_PARTY',
    maskedNumber: a.masked,
    productCategory: p.productCategory,
    productName: p.productName,
  };
}

/**
 * CDR BankingBalance.
 * @param {HeldAccount} a
 */
export function bankingBalance(a) {
  const p = BANK_PRODUCTS[a.n];
  const cents = Math.round(p.base * 100 + rng(a.id + 'bal')() * 10000);
  const card = p.productCategory === 'CRED_AND_CHRG_CARDS';
  return {
    accountId: a.id,
    currentBalance: money(cents),
    availableBalance: money(card ? 500000 + cents : cents),
    ...(card ? { creditLimit: '5000.00' } : {}),
    currency: 'AUD',
    purses: [],
  };
}

/**
 * CDR BankingTransaction list, newest first, dated back from `anchor`.
 * @param {HeldAccount} a
 * @param {Date} anchor
 */
export function bankingTransactions(a, anchor, count = 60) {
  const r = rng(a.id + 'tx');
  const out = [];
  for (let i = 0; i < count; i++) {
    const [merchant, mcc, sign] = MERCHANTS[Math.floor(r() * MERCHANTS.length)];
    const cents = sign > 0 ? 50000 + Math.floor(r() * 300000) : 300 + Math.floor(r() * 15000);
    const when = new Date(
      anchor.getTime() - Math.floor(i * 0.7 + r()) * 86_400_000 - Math.floor(r() * 36_000_000),
    );
    out.push({
      accountId: a.id,
      transactionId: `tx_${hash(`${a.id}|${i}`).slice(0, 14)}`,
      isDetailAvailable: false,
      type: sign > 0 ? 'TRANSFER_INCOMING' : 'PAYMENT',
      status: i < 2 ? 'PENDING' : 'POSTED',
      description: String(merchant).toUpperCase(),
      ...(i < 2 ? {} : { postingDateTime: when.toISOString() }),
      executionDateTime: when.toISOString(),
      amount: money(sign * cents),
      currency: 'AUD',
      reference: '',
      merchantName: merchant,
      ...(mcc ? { merchantCategoryCode: mcc } : {}),
    });
  }
  return out;
}

/**
 * CDR EnergyAccount (detail form, with plans and service points).
 * @param {HeldAccount} a
 */
export function energyAccount(a) {
  const p = ENERGY_PLANS[a.n];
  return {
    accountId: a.id,
    accountNumber: a.masked.replace(/\s/g, ''),
    displayName: p.displayName,
    openStatus: 'OPEN',
    creationDate: '2022-07-01',
    plans: [
      {
        nickname: p.plan,
        servicePointIds: [servicePointId(a)],
        planOverview: { displayName: p.plan, startDate: '2024-07-01' },
      },
    ],
    // Invented: CDR keeps the address on the service point; shown here for convenience.
    supplyAddress: p.address,
  };
}

/** @param {HeldAccount} a */
export const servicePointId = (a) => `sp_${hash(a.id + 'sp').slice(0, 12)}`;

/**
 * CDR EnergyUsageRead list: one basic daily read per day, newest first.
 * @param {HeldAccount} a
 * @param {Date} anchor
 */
export function energyUsage(a, anchor, days = 30) {
  const r = rng(a.id + 'usage');
  const sp = servicePointId(a);
  const out = [];
  for (let i = 0; i < days; i++) {
    const end = new Date(anchor.getTime() - i * 86_400_000);
    const start = new Date(end.getTime() - 86_400_000);
    out.push({
      servicePointId: sp,
      registerId: 'E1',
      registerSuffix: '11',
      meterID: `M${sp.slice(3, 11).toUpperCase()}`,
      controlledLoad: false,
      readStartDate: day(start),
      readEndDate: day(end),
      unitOfMeasure: 'KWH',
      readUType: 'basicRead',
      basicRead: { quality: 'ACTUAL', value: Math.round((8 + r() * 14) * 100) / 100 },
    });
  }
  return out;
}
