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
 * POST /contacts/my/blacklist/{service} with the contacts' IDs (https://docs.routee.net/reference/add-contacts-to-blacklist):
 * Routee answers {updated}, the number of contacts now blacklisted for the service.
 */
export const add: Operation = {
	description: [
		contactIdsModeField,
		serviceField,
		contactIdsField('IDs of the contacts that opted out'),
		toolMaxRecipientsField,
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await editBlacklist(this, items, 'POST', 'added to');
	},
};
