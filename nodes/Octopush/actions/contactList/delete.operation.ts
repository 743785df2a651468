import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeListRequest, listNameField } from '../../helpers/contacts';
import { contactListBody } from '../../transport/contract';

/**
 * DELETE /contact-list/delete (https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/: "DELETE", body
 * `{"list_name": "my_list"}`, "Succès : 204 NO CONTENT").
 */
export const deleteList: Operation = {
	description: [listNameField('Name of the contact list to delete')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeListRequest(this, items, {
			method: 'DELETE',
			path: '/contact-list/delete',
			schema: contactListBody,
			done: 'deleted',
		});
	},
};
