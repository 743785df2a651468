import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { readTicket, ticketNumberField, fetchListStatus } from '../../helpers/tickets';

/** Whether Octopush has finished preparing the campaign: under_computation, ready_to_be_sent or failed. */
export const getStatus: Operation = {
	description: [ticketNumberField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => readTicket(this, leadItem),
			run: async (ticket, { leadItem }) => await fetchListStatus(this, ticket, leadItem),
		});
	},
};
