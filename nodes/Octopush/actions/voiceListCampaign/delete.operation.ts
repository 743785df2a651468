import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { readTickets, ticketOrThrow } from '../../campaign/tickets';
import { octopushRequest } from '../../transport';
import { ticketNumberField } from './ticket';

/** DELETE /voice-campaign-on-list/cancel: deletes a campaign that was not sent (Octopush answers 204 No Content). */
export const deleteCampaign: Operation = {
	description: [ticketNumberField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const tickets = readTickets(this, items.length);
		return await executePerItem(this, items, async (itemIndex) => {
			const ticketNumber = ticketOrThrow(tickets[itemIndex]);
			const response = await octopushRequest(this, 'DELETE', '/voice-campaign-on-list/cancel', itemIndex, {
				ticket_number: ticketNumber,
			});
			return { ticket_number: ticketNumber, ...response, deleted: true };
		});
	},
};
