import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeListRequest, listNameField } from '../../helpers/contacts';
import { contactListEmptyBody } from '../../transport/contract';

/** POST /contact-list/empty (https://octopush-api.readme.io/reference/post_public_apicontact_listsempty): list_name, delete_contacts. */
export const empty: Operation = {
	description: [
		listNameField('Name of the contact list to empty'),
		{
			// "delete_contacts … true when you want to completely delete all of contacts in this contact list from your account"
			displayName: 'Delete Contacts From Account',
			name: 'deleteContacts',
			type: 'boolean',
			default: false,
			description:
				'Whether the contacts of the list are also deleted from the whole Octopush account (every other list included), not only taken out of this list',
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeListRequest(this, items, {
			method: 'POST',
			path: '/contact-list/empty',
			schema: contactListEmptyBody,
			body: (itemIndex) =>
				this.getNodeParameter('deleteContacts', itemIndex, false) === true
					? { delete_contacts: true }
					: {},
			done: 'emptied',
			outcome: (body) => ({ contacts_deleted_from_account: body.delete_contacts === true }),
		});
	},
};
