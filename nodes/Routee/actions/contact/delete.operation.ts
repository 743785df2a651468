import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { contactLocator, contactRefOf, executeCalls } from '../../helpers/contacts';

/** DELETE /contacts/my/{id} (https://docs.routee.net/reference/delete-a-contact): Routee answers the deleted contact. */
export const deleteContact: Operation = {
	description: [contactLocator('The contact to delete from the Routee account (and its groups)')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'DELETE',
				path: '/contacts/my/{contact}',
				contact: contactRefOf(this, itemIndex),
			}),
			{ describe: (_call, response) => `contact ${String((response as IDataObject).id)} deleted` },
		);
	},
};
