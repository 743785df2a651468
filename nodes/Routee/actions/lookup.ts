import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { executeJobs } from '../../shared/execute';
import { pathId } from '../read';
import { routeeGetPaged, routeeRequest } from '../transport';
import { assertBody, invalid } from '../validation';

/** Fields and steps of the operations that read or act on one campaign, message or call by its ID. */

export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description };
}

export const trackingIdField = (what: string) =>
	idField('trackingId', 'Tracking ID', `The tracking ID of the ${what}, as returned when it was sent`);

export const messageIdField = (what: string) =>
	idField('messageId', 'Message ID', `The ID of the ${what} (the messageId of its tracking or callbacks)`);

/** One request per item, built from its ID field; the response (or each entry of an array response) is an output item. */
export async function executeById(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	field: { name: string; label: string },
	request: (
		id: string,
		itemIndex: number,
	) => { method: 'GET' | 'DELETE' | 'PUT'; path: string; body?: IDataObject; schema?: z.ZodTypeAny },
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) => {
			const call = request(pathId(context, leadItem, field.name, field.label), leadItem);
			if (call.schema) assertBody(context, call.schema, call.body, leadItem);
			return call;
		},
		run: async ({ method, path, body }, { leadItem }) => await routeeRequest(context, method, path, leadItem, body),
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

/** Every entry of a campaign's tracking (one per message or message part), or the first Limit. */
export async function executeCampaignTracking(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	path: (trackingId: string) => string,
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) => {
			const trackingId = pathId(context, leadItem, 'trackingId', 'Tracking ID');
			const returnAll = context.getNodeParameter('returnAll', leadItem, false) as boolean;
			const limit = returnAll ? undefined : (context.getNodeParameter('limit', leadItem, 50) as unknown);
			if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
				throw invalid(context, leadItem, 'Limit', `must be a whole number of at least 1, got ${JSON.stringify(limit)}`);
			}
			return { path: path(trackingId), limit: limit as number | undefined };
		},
		run: async (call, { leadItem }) => await routeeGetPaged(context, call.path, leadItem, call.limit),
	});
}
