import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { readTickets, ticketOrThrow } from '../../campaign/tickets';
import { assertReady, fetchListStatus, sendListCampaign, ticketNumberField } from './ticket';

/** Sends ("validates") a campaign Octopush has finished preparing; refuses while it is not ready. */
export const send: Operation = {
	description: [ticketNumberField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const tickets = readTickets(this, items.length);
		return await executePerItem(this, items, async (itemIndex) => {
			const ticketNumber = ticketOrThrow(tickets[itemIndex]);
			const status = await fetchListStatus(this, ticketNumber, itemIndex);
			assertReady(this, status, itemIndex);
			return { ticket_number: ticketNumber, ...(await sendListCampaign(this, ticketNumber, itemIndex)) };
		});
	},
};
