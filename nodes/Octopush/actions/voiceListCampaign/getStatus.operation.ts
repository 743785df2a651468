import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs } from '../../../shared/action/execute';
import type { Operation } from '../../../shared/action/router';
import { readTicket, ticketNumberField } from '../../helpers/tickets';
import { fetchListStatus } from '../../helpers/tickets';

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
