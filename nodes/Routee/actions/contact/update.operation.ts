import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { defaultCountryOption, optionsCollection } from '../../../shared/fields';
import { assertBody } from '../../transport/contract';
import {
	contactDetailFields,
	contactDetailsOf,
	contactLocator,
	contactIdOf,
	contactRefOf,
	mobileOf,
	putContactChanges,
} from '../../helpers/contacts';
import { optionsOf } from '../../helpers/fields';
import { contactBody } from '../../transport/contacts-contract';

/** GET, then PUT /contacts/my/{id}: the contact as Routee holds it with the changes on top (see putContactChanges). */
export const update: Operation = {
	description: [
		contactLocator('The contact to change'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{
					displayName: 'Mobile',
					name: 'mobile',
					type: 'string',
					default: '',
					placeholder: 'e.g. +306948530920',
					description:
						'The new mobile number in E.164, or in national format with Options → Default Country',
				},
				...contactDetailFields,
			],
		},
		optionsCollection([defaultCountryOption('6948530920 for Greece')]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => {
				const contact = contactRefOf(this, leadItem, optionsOf(this, leadItem));
				const fields = this.getNodeParameter('updateFields', leadItem, {}) as IDataObject;
				const changes = contactDetailsOf(this, leadItem, fields);
				if (typeof fields.mobile === 'string' && fields.mobile.trim() !== '')
					changes.mobile = mobileOf(this, leadItem, fields.mobile, optionsOf(this, leadItem));
				// only the changes are checked: what Routee holds is sent back as it is
				assertBody(this, contactBody.partial(), changes, leadItem);
				return { contact, changes };
			},
			run: async ({ contact, changes }, { leadItem }) =>
				await putContactChanges(
					this,
					await contactIdOf(this, contact, leadItem),
					changes,
					leadItem,
				),
			sends: true,
			describe: (result) => `contact ${String(result.id ?? '')} updated`,
		});
	},
};
