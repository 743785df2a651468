import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';
import type { z } from 'zod';

import {
	acceptedSummary,
	type Campaign,
	type Frame,
	frameFailure,
	frameItems,
	requestIds,
	runFrames,
	splitIntoFrames,
} from './frames';
import { executeJobs } from '../../shared/action/execute';
import { FRAMES_IN_PARALLEL_FROM_V3, MAX_FRAME_SIZE, MIN_FRAME_SIZE } from '../transport/contract';
import { failureKindOf, invalid } from '../../shared/http';
import { octopushRequest } from '../transport';
import { type Mode, type Recipients, readRecipients } from './read';
import { applyMissingValues, missingValuesOf } from './placeholders';
import { assertBody } from '../labels';

const MAX_FRAMES_IN_PARALLEL = 10;

/** What a framed send operation (Voice SMS, SMS) brings: its endpoint, contract and body fields. */
export interface FramedSend {
	path: string;
	schema: z.ZodTypeAny;
	/** Numeric response fields added up over the frames, in the `campaign_totals` of each campaign's last frame item. */
	totals: readonly string[];
	/** The request body without `recipients` and `request_id`, read from item `itemIndex`. */
	readBody(context: IExecuteFunctions, itemIndex: number): IDataObject;
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
	// a tool has no Mode (hidden, see modeField): n8n then holds no value, and one campaign per item is meant
	const mode = context.getNodeParameter('mode', 0, 'perItem') as Mode;
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
				async (frame) =>
					await octopushRequest(context, 'POST', operation.path, campaign.leadItem, frame.body),
				failureKindOf,
			);
			const failed = outcomes.findIndex(
				(outcome) => outcome.status === 'refused' || outcome.status === 'unknown',
			);
			if (failed >= 0 && !context.continueOnFail()) throw frameFailure(campaign, outcomes, failed);
			return { campaign, outcomes, failed };
		},
		output: ({ campaign, outcomes, failed }) =>
			frameItems(campaign, outcomes, failed, operation.totals),
		sends: true,
		// each frame's request ID makes Octopush refuse it a second time (see the retry line of frameFailure)
		resendsOnRerun: false,
		describe: ({ campaign, outcomes }) => acceptedSummary(campaign, outcomes),
		// as a tool: every recipient is listed (explicit numbers, after Skip Them left some out), so all are counted
		recipients: (campaign) =>
			campaign.frames.reduce(
				(count, frame) => count + (frame.body.recipients as unknown[]).length,
				0,
			),
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
	const frameSize = wholeNumberOption(
		context,
		leadItem,
		options.frameSize,
		MAX_FRAME_SIZE,
		'Frame Size',
		[MIN_FRAME_SIZE, MAX_FRAME_SIZE],
	);
	const inParallel = wholeNumberOption(
		context,
		leadItem,
		options.framesInParallel,
		context.getNode().typeVersion >= 3 ? FRAMES_IN_PARALLEL_FROM_V3 : 1,
		'Frames in Parallel',
		[1, MAX_FRAMES_IN_PARALLEL],
	);
	const read = readRecipients(context, items, mode, leadItem);
	const { recipients, counts } =
		read.contacts.length === 0
			? { recipients: read, counts: undefined }
			: applyMissingValues(
					context,
					leadItem,
					String(base.text ?? ''),
					read,
					missingValuesOf(context, options),
					true,
				);
	if (recipients.contacts.length === 0) {
		throw invalid(
			context,
			{ itemIndex: leadItem },
			'Recipients',
			'must not be empty: add at least one recipient',
		);
	}
	const chunks = splitIntoFrames(recipients.contacts, frameSize);
	const userRequestId = String(options.requestId ?? '').trim();
	const ids = requestIds(
		context,
		userRequestId,
		mode === 'allItems' ? 'all' : `item${leadItem}`,
		chunks.length,
	);
	const frames = chunks.map((contacts, index): Frame => {
		const first = index * frameSize;
		const body = { ...base, recipients: contacts, request_id: ids[index] };
		assertBody(context, operation.schema, body, leadItem, (position) =>
			recipients.sourceOf(first + position),
		);
		return {
			index,
			requestId: ids[index],
			body,
			pairedItem: pairedItemsOf(recipients, first, contacts.length),
		};
	});
	return { leadItem, frames, inParallel, userRequestId: userRequestId !== '', counts };
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
		throw invalid(
			context,
			{ itemIndex },
			label,
			`must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
		);
	}
	return value;
}

/** Two campaigns with one request ID would make Octopush drop the second as a "duplicate". */
function claimRequestIds(
	context: IExecuteFunctions,
	campaign: Campaign,
	used: Map<string, number>,
): void {
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

/** The input items of the recipients at `first` … `first + count - 1`, each once, in order. */
function pairedItemsOf(recipients: Recipients, first: number, count: number): IPairedItemData[] {
	const seen = new Set<number>();
	const paired: IPairedItemData[] = [];
	for (let position = first; position < first + count; position++) {
		const item = recipients.sourceOf(position).itemIndex;
		if (seen.has(item)) continue;
		seen.add(item);
		paired.push({ item });
	}
	return paired;
}
