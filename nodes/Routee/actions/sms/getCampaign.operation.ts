// Get Campaign is one request for SMS and voice campaigns: helpers/lookup.ts
export { getCampaign } from '../../helpers/lookup';
