import { routerFor } from '../../shared/action/execute';
import { accountOperations } from './account';
import { contactOperations } from './contact';
import { contactListOperations } from './contactList';
import { smsOperations } from './sms';
import { voiceListCampaignOperations } from './voiceListCampaign';
import { voiceSmsOperations } from './voiceSms';

const operations = {
	voiceSms: voiceSmsOperations,
	voiceListCampaign: voiceListCampaignOperations,
	sms: smsOperations,
	account: accountOperations,
	contact: contactOperations,
	contactList: contactListOperations,
} as const;

export const router = routerFor(operations);
