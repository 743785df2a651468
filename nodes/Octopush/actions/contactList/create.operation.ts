import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeListRequest, listNameField } from '../../helpers/contacts';
import { contactListBody } from '../../transport/contract';

/** POST /contact-list/create (https://dev.octopush.com/en/sms-gateway-api-documentation/create-a-contact-list/): "Success : 201 CREATED". */
export const create: Operation = {
	description: [listNameField('Name of the contact list to create, empty')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeListRequest(this, items, {
			method: 'POST',
			path: '/contact-list/create',
			schema: contactListBody,
			done: 'created',
		});
	},
};
