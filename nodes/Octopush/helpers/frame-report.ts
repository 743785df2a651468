import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FrameOutcome } from './frame-runner';
import { ticketOf, withTicketNumber } from '../transport/responses';
import { reasonOf } from '../transport';
import type { Campaign, Frame } from './frames';

/** What a framed send reports: one output item per frame, and the error that says which frames were accepted. */

export function frameItems(
	campaign: Campaign,
	outcomes: Array<FrameOutcome<IDataObject>>,
	failed: number,
	totalFields: readonly string[],
): INodeExecutionData[] {
	const totals = totalsOf(outcomes, totalFields);
	return campaign.frames.map((frame, index) => {
		const outcome = outcomes[index];
		const about = {
			frame: frame.index + 1,
			frames: campaign.frames.length,
			request_id: frame.requestId,
			frame_status: outcome.status,
		};
		let json: IDataObject;
		if (outcome.status === 'sent') {
			json = { ...withTicketNumber(outcome.response), ...about };
		} else if (outcome.status === 'already_accepted') {
			json = {
				...about,
				message: campaign.userRequestId
					? "Octopush refused this frame's request ID as a duplicate: a request with this Request ID was accepted in the last 24 hours, so it was not sent again. Its ticket is in that run's output."
					: "Octopush refused this frame's request ID as a duplicate: an earlier run of this execution already sent it, so it was not sent again. Its ticket is in that run's output.",
			};
		} else if (outcome.status === 'not_sent') {
			json = { ...about, error: `Not sent, because frame ${failed + 1} failed` };
		} else {
			json = { ...about, error: outcome.error.message };
		}
		// The campaign's totals only on its last frame item: on every item, a sum downstream would count them once per frame.
		const last = index === campaign.frames.length - 1;
		return {
			json: last ? { ...json, campaign_totals: totals } : json,
			pairedItem: frame.pairedItem,
		};
	});
}

function totalsOf(
	outcomes: Array<FrameOutcome<IDataObject>>,
	fields: readonly string[],
): IDataObject {
	const count = (status: FrameOutcome<IDataObject>['status']) =>
		outcomes.filter((outcome) => outcome.status === status).length;
	const totals: IDataObject = {
		frames: outcomes.length,
		frames_sent: count('sent'),
		frames_already_accepted: count('already_accepted'),
		frames_not_accepted: outcomes.length - count('sent') - count('already_accepted'),
	};
	for (const field of fields) {
		const sum = outcomes.reduce((total, outcome) => {
			const value = outcome.status === 'sent' ? Number(outcome.response[field]) : 0;
			return Number.isFinite(value) ? total + value : total;
		}, 0);
		totals[field] = Math.round(sum * 1e6) / 1e6;
	}
	return totals;
}

function describeOutcome(frame: Frame, outcome: FrameOutcome<IDataObject>): string {
	switch (outcome.status) {
		case 'sent':
			return `frame ${frame.index + 1} (ticket ${ticketOf(outcome.response) ?? 'unknown'}, request ID ${frame.requestId})`;
		case 'already_accepted':
			return `frame ${frame.index + 1} (sent by an earlier run, request ID ${frame.requestId})`;
		case 'refused':
			return `frame ${frame.index + 1} (refused)`;
		case 'unknown':
			return `frame ${frame.index + 1} (no answer: it may or may not have been accepted)`;
		default:
			return `frame ${frame.index + 1} (not sent)`;
	}
}

export function acceptedSummary(
	campaign: Campaign,
	outcomes: Array<FrameOutcome<IDataObject>>,
): string {
	const accepted = campaign.frames.filter((_, index) =>
		['sent', 'already_accepted'].includes(outcomes[index].status),
	);
	return (
		accepted.map((frame) => describeOutcome(frame, outcomes[frame.index])).join(', ') || 'none'
	);
}

/** The error of a failed frame, saying which frames were accepted and which were not. */
export function frameFailure(
	campaign: Campaign,
	outcomes: Array<FrameOutcome<IDataObject>>,
	failed: number,
): Error {
	const outcome = outcomes[failed] as { status: 'refused' | 'unknown'; error: Error };
	const error = outcome.error;
	const frames = campaign.frames.length;
	const notAccepted = campaign.frames
		.filter((_, index) => !['sent', 'already_accepted'].includes(outcomes[index].status))
		.map((frame) => describeOutcome(frame, outcomes[frame.index]));
	const retry = campaign.userRequestId
		? 'Any re-run with the same Request ID sends only the frames not accepted yet: Octopush refuses the request ID of an accepted frame as a duplicate (for 24 hours).'
		: "Retrying this node within the same execution (Retry On Fail) sends only the frames not accepted yet: Octopush refuses an accepted frame's request ID as a duplicate. A retry from the executions list is a new execution: n8n does not tell the node which execution it retries, so the request IDs are new and every frame, the accepted ones above included, would be sent again. To finish this campaign, send only the recipients of the frames not accepted; set Options → Request ID (e.g. your campaign's ID) so that any later re-run, including a retry from the executions list or of an execution whose worker was stopped mid-send, sends only what Octopush has not accepted.";
	const lines = [
		`Accepted: ${acceptedSummary(campaign, outcomes)}.`,
		`Not accepted: ${notAccepted.join(', ')}.`,
		retry,
	];
	// Octopush's own reason, without the transport's "Octopush refused the request" a second time
	error.message =
		outcome.status === 'refused'
			? `Octopush refused frame ${failed + 1} of ${frames}: ${reasonOf(error)}`
			: `Frame ${failed + 1} of ${frames} got no usable answer from Octopush: ${reasonOf(error)}`;
	if (error instanceof NodeApiError) {
		error.description = [error.description, ...lines].filter(Boolean).join('\n');
		error.context = {
			...error.context,
			frames: campaign.frames.map((frame, index) => ({
				frame: frame.index + 1,
				request_id: frame.requestId,
				frame_status: outcomes[index].status,
				ticket_number:
					outcomes[index].status === 'sent'
						? ticketOf((outcomes[index] as { response: IDataObject }).response)
						: undefined,
			})),
		};
	}
	return error;
}
