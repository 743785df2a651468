import { routerFor } from '../../shared/action/router';
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

export const router = routerFor(operations);
