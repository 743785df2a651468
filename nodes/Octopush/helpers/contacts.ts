import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IPairedItemData,
} from 'n8n-workflow';
import type { z } from 'zod';

import { executeJobs, type Mode } from '../../shared/action/execute';
import { invalid, type Source, failureKindOf, reasonOf } from '../../shared/http';
import { octopushRequest } from '../transport';
import { MAX_LIST_NAME, type Contact, assertBody } from '../transport/contract';
import { type FrameOutcome, runFrames, splitIntoFrames } from './frames';

/*
 * Contacts written to an Octopush list in frames (POST /contact/create, DELETE /contact/delete): every frame of every
 * job is built and checked before the first request; frames go one after another, and after a frame is refused or
 * ends without an answer no further frame is sent, so the error says exactly which frames Octopush accepted. No
 * frame is sent twice by a run.
 */

/** The List Name field; Octopush has no endpoint that lists the account's lists, so it is typed, not picked. */
export function listNameField(description: string, required = true): INodeProperties {
	return {
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. newsletter',
		description: `${description} (at most ${MAX_LIST_NAME} characters). Octopush's API has no way to list your lists, so type the name as it is in the Octopush app.`,
	};
}

/** The trimmed List Name of item `itemIndex` ('' when empty). */
export function readListName(context: IExecuteFunctions, itemIndex: number): string {
	return String(context.getNodeParameter('listName', itemIndex, '') ?? '').trim();
}

export interface ContactFrame {
	index: number;
	body: IDataObject;
	/** How many contacts (or numbers) the frame holds. */
	count: number;
	pairedItem: IPairedItemData[];
}

export interface ContactJob {
	leadItem: number;
	listName: string | undefined;
	frames: ContactFrame[];
}

/** What a framed contact operation brings. */
export interface ContactWrite {
	method: 'POST' | 'DELETE';
	path: string;
	schema: z.ZodTypeAny;
	/** What the frames do, for messages: "added to or updated in", "deleted from". */
	verb: string;
	/** The request body key holding the frame's entries. */
	key: 'contacts' | 'phone_numbers';
	frameSize: number;
	/** The job of item `leadItem` (all items in 'allItems' mode): its list, entries and their sources. */
	read(
		context: IExecuteFunctions,
		items: INodeExecutionData[],
		mode: Mode,
		leadItem: number,
	): {
		listName: string | undefined;
		entries: Array<Contact | string>;
		sourceOf(position: number): Source;
		base: IDataObject;
	};
}

function planJob(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: ContactWrite,
	mode: Mode,
	leadItem: number,
): ContactJob {
	const read = operation.read(context, items, mode, leadItem);
	// a number listed twice is sent as listed: Octopush documents no rule against it, so its answer decides
	const kept = read.entries;
	if (kept.length === 0) {
		throw invalid(
			context,
			{ itemIndex: leadItem },
			operation.key === 'contacts' ? 'Recipients' : 'Phone Numbers',
			'must not be empty: add at least one phone number',
		);
	}
	const chunks = splitIntoFrames(kept, operation.frameSize);
	const frames = chunks.map((chunk, index): ContactFrame => {
		const first = index * operation.frameSize;
		const body: IDataObject = { ...read.base, [operation.key]: chunk };
		assertBody(context, operation.schema, body, leadItem, (position) =>
			read.sourceOf(first + position),
		);
		const seen = new Set<number>();
		const pairedItem: IPairedItemData[] = [];
		for (let position = first; position < first + chunk.length; position++) {
			const item = read.sourceOf(position).itemIndex;
			if (!seen.has(item)) pairedItem.push({ item });
			seen.add(item);
		}
		return { index, body, count: chunk.length, pairedItem };
	});
	return { leadItem, listName: read.listName, frames };
}

function frameLabel(frame: ContactFrame): string {
	return `frame ${frame.index + 1} (${frame.count} contact${frame.count === 1 ? '' : 's'})`;
}

function failureOf(
	operation: ContactWrite,
	job: ContactJob,
	outcomes: Array<FrameOutcome<IDataObject>>,
	failed: number,
): Error {
	const outcome = outcomes[failed] as { status: 'refused' | 'unknown'; error: Error };
	const error = outcome.error;
	const frames = job.frames.length;
	const accepted = job.frames.filter((_, index) => outcomes[index].status === 'sent');
	const item = `[item ${job.leadItem}]`;
	const list = job.listName ? ` list "${job.listName}"` : ' the account';
	error.message =
		outcome.status === 'refused'
			? frames === 1
				? `Octopush refused the contacts: ${reasonOf(error)} ${item}`
				: `Octopush refused frame ${failed + 1} of ${frames}: ${reasonOf(error)} ${item}`
			: `Frame ${failed + 1} of ${frames} got no usable answer from Octopush: ${reasonOf(error)} ${item}`;
	const lines = [
		accepted.length === 0 && outcome.status === 'refused'
			? `Nothing was ${operation.verb}${list}.`
			: `Already ${operation.verb}${list}: ${accepted.map(frameLabel).join(', ') || 'none'}${outcome.status === 'unknown' ? `; frame ${failed + 1} may or may not have been` : ''}.`,
		outcome.status === 'refused' || accepted.length > 0
			? `Not sent: the frames after frame ${failed + 1}. Running the node again writes every frame again: the frames already written are written by phone number with the same values, so they end up as one run leaves them.`
			: undefined,
	].filter(Boolean);
	if (error instanceof NodeApiError) {
		error.description = [error.description, ...lines].filter(Boolean).join('\n');
		error.context = {
			...error.context,
			itemIndex: job.leadItem,
			frames: job.frames.map((frame, index) => ({
				frame: frame.index + 1,
				contacts: frame.count,
				frame_status: outcomes[index].status,
			})),
		};
	}
	return error;
}

/**
 * Runs a framed contact operation: one job per input item, or one for all items (Mode). As an AI agent's tool the
 * contacts of the whole call count against Max Recipients per Tool Call, refused before any request.
 */
export async function executeContactWrite(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: ContactWrite,
): Promise<INodeExecutionData[]> {
	// a tool has no Mode (hidden): one job per item
	const mode = context.getNodeParameter('mode', 0, 'perItem') as Mode;
	return await executeJobs(context, items, {
		mode,
		plan: ({ leadItem }) => planJob(context, items, operation, mode, leadItem),
		run: async (job) => {
			const outcomes = await runFrames(
				job.frames,
				1,
				async (frame) =>
					await octopushRequest(
						context,
						operation.method,
						operation.path,
						job.leadItem,
						frame.body,
					),
				failureKindOf,
			);
			const failed = outcomes.findIndex(
				(outcome) => outcome.status !== 'sent' && outcome.status !== 'not_sent',
			);
			if (failed >= 0) throw failureOf(operation, job, outcomes, failed);
			return { job, outcomes };
		},
		output: ({ job, outcomes }) =>
			job.frames.map((frame, index) => {
				const outcome = outcomes[index];
				const response = outcome.status === 'sent' ? outcome.response : {};
				const json: IDataObject = {
					...(typeof response === 'object' && response !== null ? response : {}),
					list_name: job.listName ?? null,
					[operation.key === 'contacts' ? 'contacts' : 'phone_numbers']: frame.count,
					frame: frame.index + 1,
					frames: job.frames.length,
				};
				return { json, pairedItem: frame.pairedItem };
			}),
		sends: true,
		describe: ({ job }) =>
			`${job.frames.reduce((total, frame) => total + frame.count, 0)} contacts ${operation.verb} ${job.listName ? `list "${job.listName}"` : 'the account'}`,
		// as a tool: every contact written or deleted is counted
		recipients: (job) => job.frames.reduce((total, frame) => total + frame.count, 0),
	});
}

/**
 * Contact List → Create, Empty and Delete: one request per item on the list its List Name names. `body` adds the
 * operation's own fields to `list_name`; `done` is what the output and the execution log say happened.
 */
export async function executeListRequest(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	request: {
		method: 'POST' | 'DELETE';
		path: string;
		schema: z.ZodTypeAny;
		body?: (itemIndex: number) => IDataObject;
		done: 'created' | 'emptied' | 'deleted';
		/** More output fields read from the body sent. */
		outcome?: (body: IDataObject) => IDataObject;
	},
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) =>
			assertBody(
				context,
				request.schema,
				{ list_name: readListName(context, leadItem), ...request.body?.(leadItem) },
				leadItem,
			) as IDataObject,
		run: async (body, { leadItem }) => ({
			...(await octopushRequest(context, request.method, request.path, leadItem, body)),
			list_name: body.list_name,
			[request.done]: true,
			...request.outcome?.(body),
		}),
		sends: true,
		describe: (result) => `list "${String(result.list_name)}" ${request.done}`,
	});
}
