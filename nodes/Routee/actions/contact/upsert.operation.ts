import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, executeJobs, type Operation } from '../../../shared/action/execute';
import { defaultCountryOption, optionsCollection } from '../../../shared/fields';
import { statusOf } from '../../../shared/http';
import {
	contactDetailFields,
	contactIdOf,
	mobileField,
	newContactBodyOf,
	putContactChanges,
	rememberContact,
} from '../../helpers/contacts';
import { routeeRequest } from '../../transport';

/**
 * Create or Update, for a CRM that sends the same customer again (every change of the record, a retried execution):
 * POST /contacts/my (https://docs.routee.net/reference/create-a-new-contact); when Routee answers 409 (its 409002005,
 * a contact with this mobile exists: the one conflict that page has), the existing contact gets the fields given here
 * on top of its own, as Contact → Update does (putContactChanges). Routee has no upsert of its own.
 */
export const upsert: Operation = {
	description: [
		{
			...mobileField,
			description:
				"The contact's mobile number in E.164 (+ and country code), or in national format with Options → Default Country. The contact with this mobile is updated; without one, it is created.",
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description:
				'Written on the contact; on an existing contact the fields not set here keep their values, and a label is changed by name',
			options: contactDetailFields,
		},
		optionsCollection([defaultCountryOption('6948530920 for Greece')]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => newContactBodyOf(this, leadItem),
			run: async (body, { leadItem }) => {
				try {
					const created = await routeeRequest(this, 'POST', '/contacts/my', leadItem, body);
					rememberContact(this, created);
					return { contact: created, done: 'created' };
				} catch (error) {
					if (statusOf(error) !== 409) throw asNodeError(this, error as Error, leadItem);
				}
				const { mobile, ...changes } = body;
				const id = await contactIdOf(this, { mobile: String(mobile) }, leadItem, {
					knownToExist: true,
				});
				return { contact: await putContactChanges(this, id, changes, leadItem), done: 'updated' };
			},
			output: ({ contact }, { leadItem }) => [{ json: contact, pairedItem: { item: leadItem } }],
			sends: true,
			// a run again creates nothing twice: a contact made by the first run is updated with the same fields
			resendsOnRerun: false,
			describe: ({ contact, done }) =>
				`contact ${String(contact.mobile ?? contact.id ?? '')} ${done}`,
		});
	},
};
