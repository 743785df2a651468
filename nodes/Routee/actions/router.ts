import { type OperationName, routerFor } from '../../shared/action/router';
import { accountOperations } from './account';
import { smsOperations } from './sms';
import { voiceOperations } from './voice';

const operations = {
	sms: smsOperations,
	voice: voiceOperations,
	account: accountOperations,
} as const;

/** Every operation of the Routee node, e.g. 'sms.send'. */
export type RouteeOperation = OperationName<typeof operations>;

export const router = routerFor(operations);
