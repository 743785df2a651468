import { createHash, randomUUID } from 'crypto';
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';
import type { z } from 'zod';

import { executeJobs } from '../../shared/action/execute';
import { type FailureKind, failureKindOf, invalid, reasonOf } from '../../shared/http';
import { octopushRequest, ticketOf, withTicketNumber } from '../transport';
import {
	assertBody,
	FRAMES_IN_PARALLEL_FROM_V3,
	MAX_FRAME_SIZE,
	MIN_FRAME_SIZE,
} from '../transport/contract';
import { type Mode, type Recipients, readRecipients } from './fields';
import { applyMissingValues, missingValuesOf } from './placeholders';

/*
 * The frames of a campaign: recipients split into frames with their request IDs, sent in order, and reported
 * (one output item per frame; the error of a failed frame says which frames were accepted); at the end, the framed
 * send of the campaign operations (`executeFramedSend`), which plans every frame of every campaign before the first.
 */

const HASH_CHARACTERS = 12;
const HASH_MODULUS = BigInt(36) ** BigInt(HASH_CHARACTERS);
const MAX_FRAME_INDEX = 999_999;

export function splitIntoFrames<T>(items: readonly T[], frameSize: number): T[][] {
	if (!Number.isInteger(frameSize) || frameSize < 1) {
		throw new Error(`frame size must be a whole number of at least 1, got ${frameSize}`);
	}
	const frames: T[][] = [];
	for (let start = 0; start < items.length; start += frameSize) {
		frames.push(items.slice(start, start + frameSize));
	}
	return frames;
}

/**
 * `f` + 12 base-36 characters of sha256(execution, node) + `-` + frame index: at most 20 characters,
 * the same for a retried frame of the same execution, so the provider can drop the repeat.
 */
export function frameRequestId(executionId: string, nodeId: string, frameIndex: number): string {
	if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex > MAX_FRAME_INDEX) {
		throw new Error(
			`frame index must be a whole number from 0 to ${MAX_FRAME_INDEX}, got ${frameIndex}`,
		);
	}
	const digest = createHash('sha256')
		.update(JSON.stringify([executionId, nodeId]))
		.digest();
	const hash = (digest.readBigUInt64BE(0) % HASH_MODULUS)
		.toString(36)
		.padStart(HASH_CHARACTERS, '0');
	return `f${hash}-${frameIndex}`;
}

/**
 * What makes a request ID the same on a retry and different everywhere else: the execution, the
 * node, the node's run in this execution (a node runs several times in a loop) and the campaign.
 */
function seedOf(
	context: IExecuteFunctions,
	campaignKey: string,
): { executionId: string; scope: string } {
	const runIndex = (context.getWorkflowDataProxy(0).$thisRunIndex as number | undefined) ?? 0;
	// without an execution id, no retry can be recognised: never reuse IDs across executions then
	const executionId = context.getExecutionId() || randomUUID();
	return { executionId, scope: `${context.getNode().id}:${runIndex}:${campaignKey}` };
}

/**
 * The `request_id` of each of `count` requests of one campaign. With the user's Request ID: as is
 * for one request, `<id>-1`, `<id>-2`, … for several. Without: derived from the execution (see `seedOf`).
 */
export function requestIds(
	context: IExecuteFunctions,
	userRequestId: string,
	campaignKey: string,
	count: number,
): string[] {
	const indexes = Array.from({ length: count }, (_, index) => index);
	if (userRequestId === '') {
		const { executionId, scope } = seedOf(context, campaignKey);
		return indexes.map((index) => frameRequestId(executionId, scope, index));
	}
	// no length is documented for request_id (https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/)
	if (count === 1) return [userRequestId];
	return indexes.map((index) => `${userRequestId}-${index + 1}`);
}

export interface Frame {
	index: number;
	requestId: string;
	body: IDataObject;
	pairedItem: IPairedItemData[];
}

export interface Campaign {
	leadItem: number;
	frames: Frame[];
	inParallel: number;
	userRequestId: boolean;
	/** Recipients without a value for a placeholder the text uses (see placeholders.ts), in the campaign totals. */
	counts?: IDataObject;
}

/**
 * What became of one frame of a framed send.
 * - `sent`: accepted now.
 * - `already_accepted`: the provider refused it as a duplicate of an earlier, accepted request.
 * - `refused`: the provider answered that it did not accept it.
 * - `unknown`: no usable answer: it may or may not have been accepted.
 * - `not_sent`: never sent, because an earlier frame failed.
 */
export type FrameOutcome<R> =
	| { status: 'sent'; response: R }
	| { status: 'already_accepted'; error: Error }
	| { status: 'refused' | 'unknown'; error: Error }
	| { status: 'not_sent' };

/**
 * Sends frames in order, at most `concurrency` at a time. After a frame is refused or ends without a
 * usable answer no further frame is started (frames already under way finish), so the caller can
 * report exactly which frames were accepted. Never sends a frame twice.
 */
export async function runFrames<F, R>(
	frames: readonly F[],
	concurrency: number,
	send: (frame: F, index: number) => Promise<R>,
	classify: (error: unknown) => FailureKind,
): Promise<Array<FrameOutcome<R>>> {
	const outcomes: Array<FrameOutcome<R>> = frames.map(() => ({ status: 'not_sent' }));
	let next = 0;
	let stopped = false;

	const worker = async (): Promise<void> => {
		while (!stopped && next < frames.length) {
			const index = next++;
			try {
				outcomes[index] = { status: 'sent', response: await send(frames[index], index) };
			} catch (error) {
				const kind = classify(error);
				if (kind === 'duplicate') {
					outcomes[index] = { status: 'already_accepted', error: error as Error };
				} else {
					outcomes[index] = { status: kind, error: error as Error };
					stopped = true;
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency), frames.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}

// What a framed send reports: one output item per frame, and the error that says which frames were accepted.

export function frameItems(
	campaign: Campaign,
	outcomes: Array<FrameOutcome<IDataObject>>,
	failed: number,
	totalFields: readonly string[],
): INodeExecutionData[] {
	const totals = { ...totalsOf(outcomes, totalFields), ...campaign.counts };
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
	const item = `[item ${campaign.leadItem}]`;
	const accepted = campaign.frames.length - notAccepted.length;
	// refused with nothing accepted: nothing to finish, a re-run sends it all; say so in a line, not a paragraph
	const nothingSent = outcome.status === 'refused' && accepted === 0;
	const lines = nothingSent
		? [
				frames === 1
					? 'Nothing was sent.'
					: `Nothing was sent: frame ${failed + 1} of ${frames} was refused and the others were not sent.`,
			]
		: [
				`Accepted: ${acceptedSummary(campaign, outcomes)}.`,
				`Not accepted: ${notAccepted.join(', ')}.`,
				retry,
			];
	// Octopush's own reason, without the transport's "Octopush refused the request" a second time
	error.message = nothingSent
		? `Octopush refused the campaign: ${reasonOf(error)} ${item}`
		: outcome.status === 'refused'
			? `Octopush refused frame ${failed + 1} of ${frames}: ${reasonOf(error)} ${item}`
			: `Frame ${failed + 1} of ${frames} got no usable answer from Octopush: ${reasonOf(error)} ${item}`;
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

// ——— the framed send of Voice SMS and SMS → Send Campaign ———

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
