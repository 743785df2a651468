import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls, groupLocator, groupNameOf } from '../../helpers/contacts';

/**
 * DELETE /groups/my?deleteContacts= with the group's name in an array body (https://docs.routee.net/reference/delete-groups);
 * Routee answers [{name, deletedContacts}].
 */
export const deleteGroup: Operation = {
	description: [
		groupLocator('The group to delete'),
		{
			displayName: 'Delete Its Contacts Too',
			name: 'deleteContacts',
			type: 'boolean',
			default: false,
			description:
				'Whether the contacts of the group are also deleted from the Routee account (from every other group too), not only the group',
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'DELETE',
				path: '/groups/my',
				body: [groupNameOf(this, itemIndex)],
				qs: { deleteContacts: this.getNodeParameter('deleteContacts', itemIndex, false) === true },
			}),
			{ describe: (call) => `group "${String((call.body as string[])[0])}" deleted` },
		);
	},
};
