import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { smsCampaignUpdateBody, assertBody } from '../../transport/contract';
import { scheduledDateOption, listOf, pathId, phoneListOf } from '../../helpers/fields';
import { scheduledDateOf } from '../../../shared/action/scheduled-date';
import { routeeRequest } from '../../transport';
import { invalid } from '../../../shared/http';
import { routeeRecipientCount, smsCampaignOptions } from '../../helpers/campaign';
import {
	assertToolRecipients,
	toolMaxRecipientsField,
	toolRecipientLimit,
} from '../../../shared/action/tool-limit';
import { trackingIdField } from '../../helpers/lookup';
import { smsBodyField, smsCampaignOptionsField, smsSenderField } from './fields';
const campaignOptions = (smsCampaignOptionsField.options ?? []) as INodeProperties[];

const description: INodeProperties[] = [
	trackingIdField('scheduled SMS campaign'),
	{
		displayName: 'Send',
		name: 'when',
		type: 'options',
		options: [
			{
				name: 'At a Scheduled Date',
				value: 'scheduled',
				description: 'The campaign stays scheduled, at the date below',
			},
			{ name: 'Now', value: 'now', description: 'Routee sends the campaign at once' },
		],
		default: 'scheduled',
		description: 'Routee sends an updated campaign at once unless it has a scheduled date',
	},
	{
		...scheduledDateOption,
		required: true,
		description: "When to send, in the workflow's time zone unless the value has an offset",
		displayOptions: { show: { when: ['scheduled'] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: (
			[
				{ ...smsSenderField, required: false },
				{ ...smsBodyField, required: false },
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					default: '',
					description:
						'Phone numbers in E.164 format, + then the country code and number, such as +306948530920, separated by commas or new lines, or an array',
				},
				{
					displayName: 'Contact IDs',
					name: 'contacts',
					type: 'string',
					default: '',
					description: 'IDs of contacts in your Routee account, separated by commas or an array',
				},
				{
					displayName: 'Groups',
					name: 'groups',
					type: 'string',
					default: '',
					description:
						'Names of contact groups in your Routee account, separated by commas or an array',
				},
				// Default Country only reads national numbers; it is not a field of the campaign
				...campaignOptions.filter(
					(option) => !['scheduledDate', 'defaultCountry'].includes(option.name),
				),
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	// an update can add recipients, and sends the campaign to all of them (at once with Send → Now)
	toolMaxRecipientsField,
];

/** The request fields of a campaign as GET /campaigns answers it (response-only fields and empty values left out). */
const REQUEST_FIELDS = [
	'from',
	'body',
	'to',
	'contacts',
	'groups',
	'campaignName',
	'flash',
	'respectQuietHours',
	'callback',
	'campaignCallback',
	'reminder',
	'fallbackValues',
	'ttl',
] as const;

function requestFieldsOf(campaign: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const key of REQUEST_FIELDS) {
		const value = campaign[key];
		if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
			continue;
		fields[key] = value;
	}
	return fields;
}

/**
 * PUT /sms/{trackingId}: changes a campaign that is still Scheduled. Whether Routee merges the body into
 * the campaign or replaces it is not documented, so the node sends the whole campaign: its current fields
 * (GET /campaigns/{trackingId}) with the changes on top. Without scheduledDate Routee sends it at once.
 */
export const updateCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const limit = toolRecipientLimit(this);
		let addressed = 0;
		return await executeJobs(this, items, {
			plan: ({ leadItem: itemIndex }) => {
				const trackingId = pathId(this, itemIndex, 'trackingId', 'Tracking ID');
				const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
				const changes: IDataObject = smsCampaignOptions(this, itemIndex, fields);
				for (const key of ['from', 'body']) {
					if (fields[key] !== undefined)
						changes[key] = key === 'from' ? String(fields[key]).trim() : fields[key];
				}
				if (fields.to !== undefined) changes.to = phoneListOf(this, itemIndex, 'To', fields.to, '');
				if (fields.contacts !== undefined)
					changes.contacts = listOf(this, itemIndex, 'Contact IDs', fields.contacts);
				if (fields.groups !== undefined)
					changes.groups = listOf(this, itemIndex, 'Groups', fields.groups);
				if (this.getNodeParameter('when', itemIndex) === 'scheduled') {
					const date = scheduledDateOf(
						this,
						itemIndex,
						'Scheduled Date',
						this.getNodeParameter('scheduledDate', itemIndex, ''),
					);
					if (date === undefined) {
						throw invalid(
							this,
							itemIndex,
							'Scheduled Date',
							'must not be empty: set a date, or choose Send → Now',
						);
					}
					changes.scheduledDate = date;
				}
				assertBody(this, smsCampaignUpdateBody, changes, itemIndex);
				return { trackingId, changes };
			},
			run: async ({ trackingId, changes }, { leadItem }) => {
				const current = await routeeRequest(this, 'GET', `/campaigns/${trackingId}`, leadItem);
				// only the changes were checked (in plan): what Routee returned is its own campaign, sent back as is, so
				// that a campaign Routee accepted (e.g. made in the Routee platform) is never refused on a field the user
				// did not change (the GET answer's fields are not described in detail:
				// https://docs.routee.net/reference/retrieve-details-for-a-campaign); Routee judges the whole
				const body = { ...requestFieldsOf(current), ...changes };
				// as a tool: the campaign as it will be sent (its recipients and the changes), before the PUT. The changes
				// alone were counted before any request (`recipients` below). A tool call is one input item (n8n runs the
				// tool with the agent's arguments as its only item), so this total is the call's.
				if (limit !== undefined) {
					addressed += routeeRecipientCount(this, leadItem, body, limit);
					assertToolRecipients(this, limit, addressed, leadItem);
				}
				return await routeeRequest(this, 'PUT', `/sms/${trackingId}`, leadItem, body);
			},
			sends: true,
			recipients: ({ changes }, { leadItem }, toolLimit) =>
				routeeRecipientCount(this, leadItem, changes, toolLimit),
		});
	},
};
