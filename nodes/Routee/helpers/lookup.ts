import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { z } from 'zod';

import { executeJobs, type Operation } from '../../shared/action/execute';
import { pathId } from './fields';
import { routeeGetPaged, routeeRequest } from '../transport';
import { invalid } from '../../shared/http';
import { assertBody } from '../transport/contract';

/** Fields and steps of the operations that read or act on one campaign, message or call by its ID. */

function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description };
}

export const trackingIdField = (what: string) =>
	idField(
		'trackingId',
		'Tracking ID',
		`The tracking ID of the ${what}, as returned when it was sent (Routee has no way to list ${what.includes('conversation') ? 'conversations' : 'campaigns'}, so there is no list to pick from)`,
	);

export const messageIdField = (what: string) =>
	idField(
		'messageId',
		'Message ID',
		`The ID of the ${what} (the messageId of its tracking or callbacks)`,
	);

/** n8n's Simplify toggle, for responses of more than 10 fields ([UX] "AI tool nodes: 'Output' parameter"). */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * What Simplify keeps of an SMS tracking entry (https://docs.routee.net/reference/smstrackingsingle answers about 20
 * fields per message part): which message and part, who, the status, the price and when.
 */
export const SIMPLIFIED_SMS_TRACKING = [
	'messageId',
	'campaignTrackingId',
	'part',
	'parts',
	'label',
	'to',
	'from',
	'status',
	'price',
	'createdAt',
] as const;

/**
 * What Simplify keeps of a single SMS's tracking (https://docs.routee.net/reference/smstrackingsingle): the fields that
 * response has (no `createdAt` or `campaignTrackingId` there; the time is `status.date`, kept inside `status`), and
 * `smsId`, the id of each part.
 */
export const SIMPLIFIED_SMS_MESSAGE_TRACKING = [
	'messageId',
	'smsId',
	'part',
	'parts',
	'label',
	'to',
	'from',
	'status',
	'price',
] as const;

/** The fields of `response` named in `keys` that it has, in that order. */
function pick(response: IDataObject, keys: readonly string[]): IDataObject {
	return Object.fromEntries(
		keys.filter((key) => key in response).map((key) => [key, response[key]]),
	);
}

function simplifyEach(
	entries: IDataObject | IDataObject[],
	keys: readonly string[],
): IDataObject | IDataObject[] {
	return Array.isArray(entries) ? entries.map((entry) => pick(entry, keys)) : pick(entries, keys);
}

/**
 * One request per item, built from its ID field; the response (or each entry of an array response) is an output item.
 * With `simplified`, the operation has a Simplify field: when on, an object response keeps only those fields.
 */
export async function executeById(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	field: { name: string; label: string },
	request: (
		id: string,
		itemIndex: number,
	) => {
		method: 'GET' | 'DELETE' | 'PUT';
		path: string;
		body?: IDataObject;
		schema?: z.ZodTypeAny;
	},
	simplified?: readonly string[],
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) => {
			const call = request(pathId(context, leadItem, field.name, field.label), leadItem);
			if (call.schema) assertBody(context, call.schema, call.body, leadItem);
			const simplify =
				simplified !== undefined && context.getNodeParameter('simplify', leadItem, true) === true;
			return { ...call, simplify };
		},
		run: async ({ method, path, body, simplify }, { leadItem }) => {
			const response = await routeeRequest(context, method, path, leadItem, body);
			const entries = Array.isArray(response) ? (response as IDataObject[]) : response;
			return simplify && simplified ? simplifyEach(entries, simplified) : entries;
		},
	});
}

export const pagingFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Return All / Limit of item `itemIndex`: undefined for all. */
export function limitOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
		throw invalid(
			context,
			itemIndex,
			'Limit',
			`must be a whole number of at least 1, got ${JSON.stringify(limit)}`,
		);
	return limit;
}

/** Every entry of a campaign's tracking (one per message or message part), or the first Limit; see `executeById` for `simplified`. */
export async function executeCampaignTracking(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	path: (trackingId: string) => string,
	simplified?: readonly string[],
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) => {
			const trackingId = pathId(context, leadItem, 'trackingId', 'Tracking ID');
			const limit = limitOf(context, leadItem);
			const simplify =
				simplified !== undefined && context.getNodeParameter('simplify', leadItem, true) === true;
			return { path: path(trackingId), limit, simplify };
		},
		run: async (call, { leadItem }) => {
			const entries = await routeeGetPaged(context, call.path, leadItem, call.limit);
			return call.simplify && simplified ? simplifyEach(entries, simplified) : entries;
		},
	});
}

/**
 * What Simplify keeps of the campaign (https://docs.routee.net/reference/retrieve-details-for-a-campaign answers about 20
 * fields): who, what, when, its state and the message counts per status.
 */
const SIMPLIFIED = [
	'trackingId',
	'type',
	'campaignName',
	'state',
	'from',
	'body',
	'scheduledDate',
	'createdAt',
	'statuses',
	'cost',
] as const;

/** GET /campaigns/{trackingId} (the same for SMS and voice campaigns): the campaign's details, state and message counts per status. */
export const getCampaign: Operation = {
	description: [trackingIdField('campaign'), simplifyField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(
			this,
			items,
			{ name: 'trackingId', label: 'Tracking ID' },
			(id) => ({ method: 'GET', path: `/campaigns/${id}` }),
			SIMPLIFIED,
		);
	},
};
