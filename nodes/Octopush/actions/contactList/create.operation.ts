import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs } from '../../../shared/action/execute';
import type { Operation } from '../../../shared/action/router';
import { listNameField, readListName } from '../../helpers/contacts';
import { assertBody } from '../../labels';
import { octopushRequest } from '../../transport';
import { contactListBody } from '../../transport/contract';

/** POST /contact-list/create (https://dev.octopush.com/en/sms-gateway-api-documentation/create-a-contact-list/): "Success : 201 CREATED". */
export const create: Operation = {
	description: [listNameField('Name of the contact list to create, empty')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) =>
				assertBody(this, contactListBody, { list_name: readListName(this, leadItem) }, leadItem),
			run: async (body, { leadItem }) => {
				const response = await octopushRequest(
					this,
					'POST',
					'/contact-list/create',
					leadItem,
					body,
				);
				return { ...response, list_name: body.list_name, created: true };
			},
			sends: true,
			describe: (result) => `list "${String(result.list_name)}" created`,
		});
	},
};
