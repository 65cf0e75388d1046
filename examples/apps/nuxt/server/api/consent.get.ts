import { confirmedConsents } from '../utils/fiskil';

export default defineEventHandler(() => ({ consentID: confirmedConsents.last() }));
