import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { readTickets, ticketOrThrow } from '../../campaign/tickets';
import { fetchListStatus, ticketNumberField } from './ticket';

/** Whether Octopush has finished preparing the campaign: under_computation, ready_to_be_sent or failed. */
export const getStatus: Operation = {
	description: [ticketNumberField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const tickets = readTickets(this, items.length);
		return await executePerItem(
			this,
			items,
			async (itemIndex) => await fetchListStatus(this, ticketOrThrow(tickets[itemIndex]), itemIndex),
		);
	},
};
