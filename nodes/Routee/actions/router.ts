import { routerFor } from '../../shared/action/execute';
import { accountOperations } from './account';
import { blacklistOperations } from './blacklist';
import { contactOperations } from './contact';
import { contactLabelOperations } from './contactLabel';
import { groupOperations } from './group';
import { smsOperations } from './sms';
import { voiceOperations } from './voice';

const operations = {
	sms: smsOperations,
	voice: voiceOperations,
	account: accountOperations,
	contact: contactOperations,
	group: groupOperations,
	blacklist: blacklistOperations,
	contactLabel: contactLabelOperations,
} as const;

export const router = routerFor(operations);
