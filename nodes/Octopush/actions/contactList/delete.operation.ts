import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs } from '../../../shared/action/execute';
import type { Operation } from '../../../shared/action/router';
import { listNameField, readListName } from '../../helpers/contacts';
import { assertBody } from '../../labels';
import { octopushRequest } from '../../transport';
import { contactListBody } from '../../transport/contract';

/**
 * DELETE /contact-list/delete (https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/: "DELETE", body
 * `{"list_name": "my_list"}`, "Succès : 204 NO CONTENT").
 */
export const deleteList: Operation = {
	description: [listNameField('Name of the contact list to delete')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) =>
				assertBody(this, contactListBody, { list_name: readListName(this, leadItem) }, leadItem),
			run: async (body, { leadItem }) => {
				const response = await octopushRequest(
					this,
					'DELETE',
					'/contact-list/delete',
					leadItem,
					body,
				);
				return { ...response, list_name: body.list_name, deleted: true };
			},
			sends: true,
			describe: (result) => `list "${String(result.list_name)}" deleted`,
		});
	},
};
