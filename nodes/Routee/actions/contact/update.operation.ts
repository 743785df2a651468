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
} from '../../helpers/contacts';
import { optionsOf } from '../../helpers/fields';
import { routeeRequest } from '../../transport';
import { contactBody } from '../../transport/contacts-contract';

/** The fields of Routee's contact that a PUT sends back (the rest, e.g. groups and country, Routee keeps itself). */
function writableFieldsOf(contact: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['mobile', 'firstName', 'lastName', 'email', 'vip'] as const) {
		const value = contact[key];
		if (value !== undefined && value !== null && value !== '') body[key] = value;
	}
	if (Array.isArray(contact.labels))
		body.labels = (contact.labels as IDataObject[]).map(({ name, value }) => ({
			name,
			value: value === undefined || value === null ? '' : String(value),
		}));
	return body;
}

/** The current labels with the changed ones (by name) replaced and new ones added. */
function mergedLabels(current: unknown, changed: IDataObject[]): IDataObject[] {
	const byName = new Map<string, IDataObject>();
	for (const label of Array.isArray(current) ? (current as IDataObject[]) : [])
		byName.set(String(label.name), label);
	for (const label of changed) byName.set(String(label.name), label);
	return [...byName.values()];
}

/**
 * GET /contacts/my/{id}, then PUT /contacts/my/{id} (https://docs.routee.net/reference/update-a-contacts-details) with
 * the contact as Routee holds it and the changes on top. The PUT requires the mobile and the pages do not say whether
 * a field left out is kept or cleared, so the node always sends every field back; a label is changed by name, the
 * others are kept.
 */
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
			run: async ({ contact, changes }, { leadItem }) => {
				const path = `/contacts/my/${encodeURIComponent(await contactIdOf(this, contact, leadItem))}`;
				const current = await routeeRequest(this, 'GET', path, leadItem);
				const body: IDataObject = { ...writableFieldsOf(current), ...changes };
				if (changes.labels !== undefined)
					body.labels = mergedLabels(
						writableFieldsOf(current).labels,
						changes.labels as IDataObject[],
					);
				return await routeeRequest(this, 'PUT', path, leadItem, body);
			},
			sends: true,
			describe: (result) => `contact ${String(result.id ?? '')} updated`,
		});
	},
};
