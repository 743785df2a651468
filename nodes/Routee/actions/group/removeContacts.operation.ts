import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import {
	contactIdsField,
	contactIdsModeField,
	editGroupContacts,
	groupLocator,
} from '../../helpers/contacts';

/**
 * DELETE /groups/my/{name}/contacts with the contacts' IDs (https://docs.routee.net/reference/remove-contacts-of-a-specified-group):
 * the contacts leave the group and stay in the account; Routee answers {name, size}.
 */
export const removeContacts: Operation = {
	description: [
		contactIdsModeField,
		groupLocator('The group to take the contacts out of'),
		contactIdsField('IDs of the contacts to take out of the group (they stay in the account)'),
		toolMaxRecipientsField,
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await editGroupContacts(this, items, 'DELETE', 'removed from');
	},
};
