import { type OperationName, routerFor } from '../../shared/action/router';
import { accountOperations } from './account';
import { smsOperations } from './sms';
import { voiceListCampaignOperations } from './voiceListCampaign';
import { voiceSmsOperations } from './voiceSms';

const operations = {
	voiceSms: voiceSmsOperations,
	voiceListCampaign: voiceListCampaignOperations,
	sms: smsOperations,
	account: accountOperations,
} as const;

/** Every operation of the Octopush node, e.g. 'voiceSms.sendCampaign'. */
export type OctopushOperation = OperationName<typeof operations>;

export const router = routerFor(operations);
