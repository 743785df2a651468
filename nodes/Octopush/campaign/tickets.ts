import type { IExecuteFunctions } from 'n8n-workflow';

import { ticketBody } from '../contract';
import { assertBody } from './validate';

/** The Ticket Number of item `itemIndex`, checked against Octopush's rule (plan step of the ticket operations). */
export function readTicket(context: IExecuteFunctions, itemIndex: number): string {
	const ticket = String(context.getNodeParameter('ticketNumber', itemIndex, '') ?? '').trim();
	return assertBody(context, ticketBody, { ticket_number: ticket }, itemIndex).ticket_number;
}
