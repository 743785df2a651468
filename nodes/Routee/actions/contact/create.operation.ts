import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { defaultCountryOption, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import {
	contactDetailFields,
	executeCalls,
	mobileField,
	newContactBodyOf,
} from '../../helpers/contacts';

/** POST /contacts/my (https://docs.routee.net/reference/create-a-new-contact): one contact per item. */
export const create: Operation = {
	description: [
		mobileField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: contactDetailFields,
		},
		optionsCollection([defaultCountryOption('6948530920 for Greece')]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => {
				const body = newContactBodyOf(this, itemIndex);
				return { method: 'POST', path: '/contacts/my', body };
			},
			{ describe: (call) => `contact ${String((call.body as IDataObject).mobile)} created` },
		);
	},
};
