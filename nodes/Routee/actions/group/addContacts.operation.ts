import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import {
	contactIdsField,
	contactIdsModeField,
	editGroupContacts,
	groupLocator,
} from '../../helpers/contacts';

/** POST /groups/my/{name}/contacts with the contacts' IDs (https://docs.routee.net/reference/add-contacts-to-a-specified-group): {name, size}. */
export const addContacts: Operation = {
	description: [
		contactIdsModeField,
		groupLocator('The group to add the contacts to'),
		contactIdsField('IDs of the contacts to add'),
		toolMaxRecipientsField,
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await editGroupContacts(this, items, 'POST', 'added to');
	},
};
