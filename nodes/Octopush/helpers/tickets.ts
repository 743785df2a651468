import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ticketBody } from '../transport/contract';
import { assertBody } from './validate';

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
