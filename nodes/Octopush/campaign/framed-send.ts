import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { z } from 'zod';

import { type FrameOutcome, runFrames } from '../../shared/frame-runner';
import { splitIntoFrames } from '../../shared/framing';
import { executeJobs } from '../../shared/execute';
import { MAX_FRAME_SIZE, MIN_FRAME_SIZE, ticketOf, withTicketNumber } from '../contract';
import { failureKindOf, octopushRequest, reasonOf } from '../transport';
import { type Mode, type Recipient, readDefaultCountry, readRecipients } from './read';
import { requestIds } from './request-id';
import { assertBody, invalid } from './validate';

const MAX_FRAMES_IN_PARALLEL = 10;

/** What a framed send operation (Voice SMS, SMS) brings: its endpoint, contract and body fields. */
export interface FramedSend {
	path: string;
	schema: z.ZodTypeAny;
	/** Numeric response fields added up over the frames in each item's `totals`. */
	totals: readonly string[];
	/** The request body without `recipients` and `request_id`, read from item `itemIndex`. */
	readBody(context: IExecuteFunctions, itemIndex: number): IDataObject;
}

interface Frame {
	index: number;
	requestId: string;
	body: IDataObject;
	pairedItem: IPairedItemData[];
}

interface Campaign {
	leadItem: number;
	frames: Frame[];
	inParallel: number;
	userRequestId: boolean;
}

/**
 * Sends one campaign per input item, or one for all input items, each split into frames of at most
 * 500 recipients. Every frame of every campaign is built and validated before the first is sent.
 */
export async function executeFramedSend(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: FramedSend,
): Promise<INodeExecutionData[]> {
	const mode = context.getNodeParameter('mode', 0) as Mode;
	const usedRequestIds = new Map<string, number>();
	return await executeJobs(context, items, {
		mode,
		plan: ({ leadItem }) => {
			const campaign = planCampaign(context, items, operation, mode, leadItem);
			claimRequestIds(context, campaign, usedRequestIds);
			return campaign;
		},
		run: async (campaign) => {
			const outcomes = await runFrames(
				campaign.frames,
				campaign.inParallel,
				async (frame) => await octopushRequest(context, 'POST', operation.path, campaign.leadItem, frame.body),
				failureKindOf,
			);
			const failed = outcomes.findIndex((outcome) => outcome.status === 'refused' || outcome.status === 'unknown');
			if (failed >= 0 && !context.continueOnFail()) throw frameFailure(campaign, outcomes, failed);
			return { campaign, outcomes, failed };
		},
		output: ({ campaign, outcomes, failed }) => frameItems(campaign, outcomes, failed, operation.totals),
		sends: true,
		// each frame's request ID makes Octopush refuse it a second time (see the retry line of frameFailure)
		resendsOnRerun: false,
		describe: ({ campaign, outcomes }) => acceptedSummary(campaign, outcomes),
	});
}

function planCampaign(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: FramedSend,
	mode: Mode,
	leadItem: number,
): Campaign {
	const options = context.getNodeParameter('options', leadItem, {}) as IDataObject;
	const base = operation.readBody(context, leadItem);
	const frameSize = wholeNumberOption(context, leadItem, options.frameSize, MAX_FRAME_SIZE, 'Frame Size', [
		MIN_FRAME_SIZE,
		MAX_FRAME_SIZE,
	]);
	const inParallel = wholeNumberOption(context, leadItem, options.framesInParallel, 1, 'Frames in Parallel', [
		1,
		MAX_FRAMES_IN_PARALLEL,
	]);
	const recipients = readRecipients(context, items, mode, leadItem, readDefaultCountry(context, leadItem));
	if (recipients.length === 0) {
		throw invalid(context, { itemIndex: leadItem }, 'Recipients', 'must not be empty: add at least one recipient');
	}
	const chunks = splitIntoFrames(recipients, frameSize);
	const userRequestId = String(options.requestId ?? '').trim();
	const ids = requestIds(
		context,
		userRequestId,
		mode === 'allItems' ? 'all' : `item${leadItem}`,
		chunks.length,
	);
	const frames = chunks.map((chunk, index): Frame => {
		const body = { ...base, recipients: chunk.map((recipient) => recipient.contact), request_id: ids[index] };
		assertBody(
			context,
			operation.schema,
			body,
			leadItem,
			chunk.map((recipient) => recipient.source),
		);
		return { index, requestId: ids[index], body, pairedItem: pairedItemsOf(chunk) };
	});
	return { leadItem, frames, inParallel, userRequestId: userRequestId !== '' };
}

function wholeNumberOption(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	fallback: number,
	label: string,
	[min, max]: [number, number],
): number {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalid(context, { itemIndex }, label, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
	}
	return value;
}

/** Two campaigns with one request ID would make Octopush drop the second as a "duplicate". */
function claimRequestIds(context: IExecuteFunctions, campaign: Campaign, used: Map<string, number>): void {
	for (const frame of campaign.frames) {
		const owner = used.get(frame.requestId);
		if (owner !== undefined) {
			throw invalid(
				context,
				{ itemIndex: campaign.leadItem },
				'Request ID',
				`"${frame.requestId}" is already used by the campaign of item ${owner}: each campaign needs its own`,
			);
		}
	}
	for (const frame of campaign.frames) used.set(frame.requestId, campaign.leadItem);
}

function pairedItemsOf(chunk: Recipient[]): IPairedItemData[] {
	const indexes = [...new Set(chunk.map((recipient) => recipient.source.itemIndex))];
	return indexes.map((item) => ({ item }));
}

function frameItems(
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
		return { json: { ...json, totals }, pairedItem: frame.pairedItem };
	});
}

function totalsOf(outcomes: Array<FrameOutcome<IDataObject>>, fields: readonly string[]): IDataObject {
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

function acceptedSummary(campaign: Campaign, outcomes: Array<FrameOutcome<IDataObject>>): string {
	const accepted = campaign.frames.filter((_, index) => ['sent', 'already_accepted'].includes(outcomes[index].status));
	return accepted.map((frame) => describeOutcome(frame, outcomes[frame.index])).join(', ') || 'none';
}

/** The error of a failed frame, saying which frames were accepted and which were not. */
function frameFailure(
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
		: "Retrying this node within the same execution (Retry On Fail) sends only the frames not accepted yet: Octopush refuses an accepted frame's request ID as a duplicate. A retry from the executions list is a new execution with new request IDs and would send every frame again: set Options → Request ID to make that safe too.";
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
				ticket_number: outcomes[index].status === 'sent' ? ticketOf((outcomes[index] as { response: IDataObject }).response) : undefined,
			})),
		};
	}
	return error;
}
