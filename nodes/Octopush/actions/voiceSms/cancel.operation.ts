import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError, planJobs, type Operation } from '../../../shared/action/execute';
import { readTicket, ticketNumberField } from '../../helpers/tickets';
import { reasonOf } from '../../../shared/http';
import { octopushRequest } from '../../transport';

/**
 * "Cancellation is only allowed when the campaign has fewer than 3 recipients. Cancellation is limited to
 * 1000 requests per month and per API user account. Waiting campaigns must still be scheduled more than
 * 10 minutes in the future." Octopush checks these; the node only states them.
 */
const CANCEL_RULES_URL =
	'https://octopush-api.readme.io/reference/delete_public_apivoice_campaigncancel';
const RULES = `Octopush cancels a voice SMS campaign (one ticket) only when it has fewer than 3 recipients and is scheduled more than 10 minutes ahead, and each API account can cancel at most 1000 times a month (${CANCEL_RULES_URL})`;
const CANCEL_RULES = `${RULES}.`;

const description: INodeProperties[] = [
	{
		...ticketNumberField,
		description: `The ticket_number of a scheduled frame (Send Campaign outputs one item per frame, so feed its output here to cancel every frame). ${RULES}.`,
	},
];

interface Outcome {
	itemIndex: number;
	ticket?: string;
	json?: IDataObject;
	error?: NodeApiError | NodeOperationError;
}

/** "ticket voice_x (item 2, frame 2 of 3)": the frame when the input item is a frame of Send Campaign. */
function ticketLabel(items: INodeExecutionData[], outcome: Outcome): string {
	const { frame, frames } = items[outcome.itemIndex].json;
	const where =
		typeof frame === 'number' && typeof frames === 'number' ? `, frame ${frame} of ${frames}` : '';
	return `${outcome.ticket ?? 'no ticket'} (item ${outcome.itemIndex}${where})`;
}

/**
 * DELETE /voice-campaign/cancel (Octopush answers 204 No Content). Every ticket is tried, so the frames
 * that can be cancelled are; then each ticket's outcome is reported: one output item per ticket with
 * Continue On Fail, otherwise one error naming every ticket that was not cancelled and why.
 */
export const cancel: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// not executeJobs: every ticket is tried even after one failed, then one error reports them all
		const { planned } = planJobs(this, items, {
			plan: ({ leadItem }) => readTicket(this, leadItem),
		});
		const outcomes: Outcome[] = [];
		for (const entry of planned) {
			const itemIndex = entry.job.leadItem;
			const outcome: Outcome = { itemIndex };
			try {
				if ('error' in entry) throw entry.error;
				outcome.ticket = entry.plan;
				const response = await octopushRequest(
					this,
					'DELETE',
					'/voice-campaign/cancel',
					itemIndex,
					{
						ticket_number: outcome.ticket,
					},
				);
				outcome.json = { ticket_number: outcome.ticket, ...response, cancelled: true };
			} catch (error) {
				outcome.error = asNodeError(this, error as Error, itemIndex);
			}
			outcomes.push(outcome);
		}

		const failed = outcomes.filter((outcome) => outcome.error !== undefined);
		if (failed.length > 0 && !this.continueOnFail()) throw cancelFailure(items, outcomes, failed);
		return outcomes.map((outcome) => ({
			json: outcome.json ?? {
				ticket_number: outcome.ticket ?? null,
				cancelled: false,
				error: reasonOf(outcome.error as Error),
				hint: CANCEL_RULES,
			},
			pairedItem: { item: outcome.itemIndex },
		}));
	},
};

/** One error for all the tickets that were not cancelled, each with Octopush's reason. */
function cancelFailure(items: INodeExecutionData[], outcomes: Outcome[], failed: Outcome[]): Error {
	const error = failed[0].error as NodeApiError | NodeOperationError;
	const reasons = failed.map(
		(outcome) => `${ticketLabel(items, outcome)}: ${reasonOf(outcome.error as Error)}`,
	);
	error.message =
		outcomes.length === 1
			? `Octopush refused to cancel voice SMS campaign ${reasons[0]}`
			: `Octopush refused to cancel ${failed.length} of ${outcomes.length} tickets: ${reasons.join('; ')}`;
	const lines = outcomes.map((outcome) =>
		outcome.error
			? `Not cancelled: ${ticketLabel(items, outcome)}`
			: `Cancelled: ${ticketLabel(items, outcome)}`,
	);
	error.description = [...(outcomes.length > 1 ? lines : []), CANCEL_RULES].join('\n');
	return error;
}
