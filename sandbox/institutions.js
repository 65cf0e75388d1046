// @ts-check
// The invented institutions, the permissions (CDR scopes) an app may ask for, and
// which of them fit which industry.

/**
 * @typedef {{ id: string; name: string; type: 'banking' | 'energy'; logo: string; unavailable?: boolean }} Institution
 */

/** @type {readonly Institution[]} */
export const INSTITUTIONS = Object.freeze([
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
]);

/** @param {unknown} id */
export const findInstitution = (id) => INSTITUTIONS.find((i) => i.id === id);

/** Permissions requested by default for each industry. */
export const DEFAULT_PERMISSIONS = Object.freeze({
  banking: ['bank:accounts.basic:read', 'bank:accounts.detail:read', 'bank:transactions:read'],
  energy: [
    'energy:accounts.basic:read',
    'energy:accounts.detail:read',
    'energy:electricity.usage:read',
  ],
});

/** What each scope means, in the words the consent screen shows (CDR data language standards). */
export const PERMISSION_LABELS = Object.freeze({
  'bank:accounts.basic:read': 'Account name, type and balance',
  'bank:accounts.detail:read': 'Account numbers and features',
  'bank:transactions:read': 'Transaction details',
  'energy:accounts.basic:read': 'Account and plan information',
  'energy:accounts.detail:read': 'Account and plan details',
  'energy:electricity.usage:read': 'Electricity usage',
});

/** @typedef {keyof typeof PERMISSION_LABELS} Permission */

/** @param {string} permission @returns {'banking' | 'energy'} */
export const industryOf = (permission) => (permission.startsWith('energy:') ? 'energy' : 'banking');

/**
 * The institutions a session may choose from: the sandbox's configuration (industries,
 * ids), narrowed to the industries its permissions imply.
 * @param {{ industries: string[]; institutions?: string[] }} config
 * @param {string[] | undefined} permissions
 */
export function offeredInstitutions(config, permissions) {
  const implied = permissions ? new Set(permissions.map(industryOf)) : undefined;
  return INSTITUTIONS.filter(
    (i) =>
      config.industries.includes(i.type) &&
      (!config.institutions || config.institutions.includes(i.id)) &&
      (!implied || implied.has(i.type)),
  );
}
