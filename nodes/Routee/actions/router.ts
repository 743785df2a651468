import { routerFor } from '../../shared/action/router';
import { accountOperations } from './account';
import { smsOperations } from './sms';
import { voiceOperations } from './voice';

const operations = {
	sms: smsOperations,
	voice: voiceOperations,
	account: accountOperations,
} as const;

export const router = routerFor(operations);
