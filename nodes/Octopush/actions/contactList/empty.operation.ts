import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs } from '../../../shared/action/execute';
import type { Operation } from '../../../shared/action/router';
import { listNameField, readListName } from '../../helpers/contacts';
import { assertBody } from '../../labels';
import { octopushRequest } from '../../transport';
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
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => {
				const body: IDataObject = { list_name: readListName(this, leadItem) };
				const deleteContacts = this.getNodeParameter('deleteContacts', leadItem, false) as boolean;
				if (deleteContacts) body.delete_contacts = true;
				return assertBody(this, contactListEmptyBody, body, leadItem);
			},
			run: async (body, { leadItem }) => {
				const response = await octopushRequest(this, 'POST', '/contact-list/empty', leadItem, body);
				return {
					...response,
					list_name: body.list_name,
					emptied: true,
					contacts_deleted_from_account: body.delete_contacts === true,
				};
			},
			sends: true,
			describe: (result) => `list "${String(result.list_name)}" emptied`,
		});
	},
};
