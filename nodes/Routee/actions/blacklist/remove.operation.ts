import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import {
	contactIdsField,
	contactIdsModeField,
	editBlacklist,
	serviceField,
} from '../../helpers/contacts';

/**
 * DELETE /contacts/my/blacklist/{service} with the contacts' IDs (https://docs.routee.net/reference/remove-contacts-from-blacklist):
 * Routee answers {updated}. The page (as other clients restate it) names the services Sms and TwoStep; a Voice removal
 * is sent and Routee's answer shown.
 */
export const remove: Operation = {
	description: [
		contactIdsModeField,
		serviceField,
		contactIdsField('IDs of the contacts that opted back in'),
		toolMaxRecipientsField,
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await editBlacklist(this, items, 'DELETE', 'removed from');
	},
};
