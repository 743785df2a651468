import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { octopushRequest, LIST_STATUS, normalizeListStatus } from '../transport';
import { ticketBody, assertBody } from '../transport/contract';
import { tooManyRecipients, uncountableRecipients } from '../../shared/action/tool-limit';

/** The Ticket Number field of the operations on a ticket (a voice list campaign's, or a voice SMS frame's). */
export const ticketNumberField: INodeProperties = {
	displayName: 'Ticket Number',
	name: 'ticketNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. voice_5f44ebf9e47b7',
	description: 'The ticket_number that Create returned',
};

/** The Ticket Number of item `itemIndex`, checked against Octopush's rule (plan step of the ticket operations). */
export function readTicket(context: IExecuteFunctions, itemIndex: number): string {
	const ticket = String(context.getNodeParameter('ticketNumber', itemIndex, '') ?? '').trim();
	return assertBody(context, ticketBody, { ticket_number: ticket }, itemIndex).ticket_number;
}

/** GET /voice-campaign-on-list/status: number_of_contacts, cost, estimated_duration, status (normalized). */
export async function fetchListStatus(
	context: IExecuteFunctions,
	ticketNumber: string,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await octopushRequest(
		context,
		'GET',
		'/voice-campaign-on-list/status',
		itemIndex,
		undefined,
		{
			ticket_number: ticketNumber,
		},
	);
	return {
		ticket_number: ticketNumber,
		...response,
		status: normalizeListStatus(response.status) ?? response.status,
	};
}

/** Fails with a clear message unless the campaign is ready to be sent. */
export function assertReady(
	context: IExecuteFunctions,
	status: IDataObject,
	itemIndex: number,
): void {
	if (status.status === LIST_STATUS.ready) return;
	const ticket = String(status.ticket_number);
	if (status.status === LIST_STATUS.failed) {
		throw new NodeOperationError(
			context.getNode(),
			`Voice list campaign ${ticket} failed while Octopush prepared it, so it cannot be sent [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Its status is "failed". Check the list or tag, the text and the credit, then create the campaign again.',
			},
		);
	}
	throw new NodeOperationError(
		context.getNode(),
		`Voice list campaign ${ticket} is not ready to be sent yet [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Its status is "${String(status.status)}": Octopush is still preparing it. Try again in a moment, or use Create with "Wait Until Ready, Then Send".`,
		},
	);
}

/**
 * As a tool (`limit` set, see tool-limit.ts): a prepared list campaign's contacts against Max Recipients per Tool
 * Call, before it is sent. The node cannot count a list or a tag itself; Octopush can, and says so in the status of
 * a campaign that is ready to be sent (`number_of_contacts`, read by fetchListStatus), so that count is the one
 * checked, just before the send. `created`: the campaign was made by this call (Create), and is left unsent.
 */
export function assertListCampaignWithinToolLimit(
	context: IExecuteFunctions,
	status: IDataObject,
	itemIndex: number,
	limit: number | undefined,
	created: boolean,
): void {
	if (limit === undefined) return;
	const ticket = String(status.ticket_number);
	const count = status.number_of_contacts;
	let error: NodeOperationError;
	if (typeof count !== 'number' || !Number.isFinite(count)) {
		error = uncountableRecipients(
			context,
			itemIndex,
			'This voice list campaign',
			`Octopush's status of campaign ${ticket} gives no number_of_contacts`,
			limit,
		);
	} else if (count > limit) {
		error = tooManyRecipients(context, itemIndex, count, limit);
	} else {
		return;
	}
	if (created) {
		error.description = `${error.description ?? ''} Campaign ${ticket} was created and is left unsent: send it with Voice List Campaign → Send from a workflow, or cancel it with Cancel.`;
	}
	throw error;
}

export type Target = 'list' | 'tag';

/**
 * Two send endpoints, one per kind of campaign ("POST …/voice-campaign-on-list/send" and "POST
 * …/voice-campaign-on-tag/send": https://dev.octopush.com/api-sms-documentation/vocal-sms-api/confirmer-un-sms-vocal-sur-liste/).
 * Status and cancel are shared ("sur liste ou en utilisant un tag").
 */
const SEND_PATHS: Record<Target, string> = {
	list: '/voice-campaign-on-list/send',
	tag: '/voice-campaign-on-tag/send',
};

const TARGET_OPTIONS = [
	{
		name: 'Contact List',
		value: 'list',
		description: 'The campaign was created for a contact list',
	},
	{ name: 'Tag', value: 'tag', description: 'The campaign was created for a tag' },
];

/**
 * Whether Create made the campaign on a list or a tag: Send must use the matching endpoint. Version 1 defaults to
 * Contact List; from version 2 the default reads the `target` Create outputs.
 */
export const targetFields: INodeProperties[] = [
	{
		displayName: 'Campaign Target',
		name: 'target',
		type: 'options',
		options: TARGET_OPTIONS,
		default: 'list',
		description:
			'The Target the campaign was created with (a contact list or a tag): Octopush sends the two kinds differently',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Campaign Target',
		name: 'target',
		type: 'options',
		options: [
			{
				name: "From the Input (Create's Output)",
				value: 'fromInput',
				description: "The input item's target field, which Create outputs (list or tag)",
			},
			...TARGET_OPTIONS,
		],
		default: 'fromInput',
		description:
			'The Target the campaign was created with (a contact list or a tag): Octopush sends the two kinds differently',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
];

/** POST /voice-campaign-on-list/send (or on-tag): "validate" the campaign, which sends it. */
export async function sendListCampaign(
	context: IExecuteFunctions,
	ticketNumber: string,
	itemIndex: number,
	target: Target,
): Promise<IDataObject> {
	return await octopushRequest(context, 'POST', SEND_PATHS[target], itemIndex, {
		ticket_number: ticketNumber,
	});
}
