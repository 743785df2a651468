import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { readTickets, ticketOrThrow } from '../../campaign/tickets';
import { invalid } from '../../campaign/validate';
import { assertReady, fetchListStatus, sendListCampaign, type Target, targetField, ticketNumberField } from './ticket';

/** Sends ("validates") a campaign Octopush has finished preparing; refuses while it is not ready. */
export const send: Operation = {
	description: [ticketNumberField, targetField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const tickets = readTickets(this, items.length);
		return await executePerItem(this, items, async (itemIndex) => {
			const ticketNumber = ticketOrThrow(tickets[itemIndex]);
			const target = this.getNodeParameter('target', itemIndex, 'list') as Target;
			if (target !== 'list' && target !== 'tag') {
				throw invalid(this, { itemIndex }, 'Campaign Target', `must be list or tag, got ${JSON.stringify(target)}`);
			}
			const status = await fetchListStatus(this, ticketNumber, itemIndex);
			assertReady(this, status, itemIndex);
			return { ticket_number: ticketNumber, ...(await sendListCampaign(this, ticketNumber, itemIndex, target)) };
		});
	},
};
