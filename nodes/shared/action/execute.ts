import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IPairedItemData,
} from 'n8n-workflow';

import { toolRecipientLimit, tooManyRecipients } from './tool-limit';

/*
 * How an action operation runs, in three parts:
 * - the router: the node's execute() picks the chosen operation (`routerFor`, `Operation`);
 * - jobs: the one execution path of the operations that send or read (`executeJobs`);
 * - the wait: the operations that put their execution to wait for a callback (`waitForCallback` and its fields).
 */

// ——— the router ———

/** A node's operations: resource → operation → its module, as the Resource and Operation options name them. */
type OperationMap = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

/** The node's execute(): runs the chosen operation over all input items. */
export function routerFor(operations: OperationMap) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const selected = operations[resource]?.[operation];
		if (!selected) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		return [await selected.execute.call(this, this.getInputData())];
	};
}

/** One operation of a resource: its fields and how it turns the node's input items into output items. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/**
 * The canvas subtitle of an action node: the chosen operation in words, as the Actions list names it ("Call and
 * wait for a key press"), read from each resource's Operation property (`action` of each option).
 */
export function operationSubtitle(properties: readonly INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		for (const option of property.options ?? []) {
			const { value, action } = option as { value?: unknown; action?: unknown };
			if (typeof action !== 'string') continue;
			for (const resource of resources) actions[`${String(resource)}.${String(value)}`] = action;
		}
	}
	return `={{(${JSON.stringify(actions)})[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"]}}`;
}

// ——— jobs ———

/**
 * The one execution path of every action operation:
 * 1. group the input items into jobs (one per item, or one for all items: the Mode field),
 * 2. `plan` every job (read, validate, build the request) before anything is sent,
 * 3. `run` the jobs in order and turn each result into output items paired with the job's items.
 * An invalid job stops the node before the first request; with Continue On Fail it becomes an error item
 * and the other jobs still run. When a run fails after others were sent, the error says what was sent.
 */

/** The input items one job is made of: `leadItem` gives the job's own fields, `itemIndexes` its output's pairing. */
export interface Job {
	leadItem: number;
	itemIndexes: number[];
}

/** 'perItem': one job per input item. 'allItems': one job for all input items. */
export type Mode = 'perItem' | 'allItems';

interface ExecutionHooks<Plan, Result> {
	/** How input items become jobs; one job per item unless said otherwise. */
	mode?: Mode;
	/**
	 * Reads and validates the job's input and builds what `run` needs, sending nothing. Throws the error of an
	 * invalid value. `leaveOut(itemIndex, error)` drops one input item from an all-items job: it stops the node,
	 * or with Continue On Fail becomes that item's error item while the job goes on without it.
	 */
	plan(job: Job, leaveOut: (itemIndex: number, error: Error) => void): Plan;
	/** Makes the job's requests. */
	run(plan: Plan, job: Job): Promise<Result>;
	/** The job's output items; by default each object of the result, paired with the job's items. */
	output?(result: Result, job: Job): INodeExecutionData[];
	/** True when a job sends something (SMS, calls): a later failure then lists what this run already sent. */
	sends?: boolean;
	/** False when running the node again does not send an accepted job twice (idempotent request IDs). */
	resendsOnRerun?: boolean;
	/** What an accepted job created (e.g. "tracking ID x"), for that list. */
	describe?(result: Result, job: Job): string | undefined;
	/** More to say about a failed run, e.g. that it may have been accepted. */
	explain?(error: Error, job: Job): string | undefined;
	/**
	 * How many recipients a planned job sends to; throws when the node cannot count them (`limit`: for its message).
	 * With it, the tool variant of a version-2 node refuses the whole call past Max Recipients per Tool Call before
	 * the first job runs (see tool-limit.ts). Not called otherwise.
	 */
	recipients?(plan: Plan, job: Job, limit: number): number;
}

/** Errors our code raises are already node errors; anything else is wrapped with its item index. */
export function asNodeError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

function pairedItemOf(itemIndexes: readonly number[]): IPairedItemData | IPairedItemData[] {
	return itemIndexes.length === 1
		? { item: itemIndexes[0] }
		: itemIndexes.map((item) => ({ item }));
}

/** The item n8n shows for a failed job when Continue On Fail is on: the message, and the rule or fix if any. */
function errorItem(
	error: Error,
	itemIndexes: readonly number[],
	message = error.message,
): INodeExecutionData {
	const { description } = error as { description?: string | null };
	const json: IDataObject = description ? { error: message, description } : { error: message };
	return { json, pairedItem: pairedItemOf(itemIndexes) };
}

type Planned<Plan> = { job: Job; plan: Plan } | { job: Job; error: Error };

function jobsOf(items: INodeExecutionData[], mode: Mode): Job[] {
	const every = items.map((_, index) => index);
	if (mode === 'allItems') return items.length === 0 ? [] : [{ leadItem: 0, itemIndexes: every }];
	return every.map((index) => ({ leadItem: index, itemIndexes: [index] }));
}

/** Plans every job (step 2); the failures of Continue On Fail come back as error items to output after the jobs. */
export function planJobs<Plan>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	hooks: Pick<ExecutionHooks<Plan, unknown>, 'mode' | 'plan'>,
): { planned: Array<Planned<Plan>>; leftOut: INodeExecutionData[] } {
	const planned: Array<Planned<Plan>> = [];
	const leftOut: INodeExecutionData[] = [];
	for (const job of jobsOf(items, hooks.mode ?? 'perItem')) {
		const leaveOut = (itemIndex: number, error: Error) => {
			if (!context.continueOnFail()) throw asNodeError(context, error, itemIndex);
			leftOut.push(errorItem(error, [itemIndex]));
			job.itemIndexes = job.itemIndexes.filter((index) => index !== itemIndex);
		};
		try {
			const plan = hooks.plan(job, leaveOut);
			if (job.itemIndexes.length === 0) continue;
			if (!job.itemIndexes.includes(job.leadItem)) job.leadItem = job.itemIndexes[0];
			planned.push({ job, plan });
		} catch (error) {
			const itemIndex =
				(error as { context?: { itemIndex?: number } }).context?.itemIndex ?? job.leadItem;
			if (!context.continueOnFail()) throw asNodeError(context, error as Error, itemIndex);
			planned.push({ job, error: error as Error });
		}
	}
	return { planned, leftOut };
}

/** Runs the operation's jobs: every job is planned before the first is run. */
export async function executeJobs<Plan, Result = IDataObject | IDataObject[]>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	hooks: ExecutionHooks<Plan, Result>,
): Promise<INodeExecutionData[]> {
	const { planned, leftOut } = planJobs(context, items, hooks);
	if (hooks.recipients) checkToolLimit(context, planned, hooks.recipients);
	const output: INodeExecutionData[] = [];
	const sent: string[] = [];
	for (const entry of planned) {
		const { job } = entry;
		if ('error' in entry) {
			output.push(errorItem(entry.error, job.itemIndexes));
			continue;
		}
		try {
			const result = await hooks.run(entry.plan, job);
			output.push(...(hooks.output?.(result, job) ?? defaultOutput(result, job)));
			if (hooks.sends) {
				const what = hooks.describe?.(result, job);
				sent.push(`item ${job.leadItem}${what ? ` (${what})` : ''}`);
			}
		} catch (error) {
			const explanation = hooks.explain?.(error as Error, job);
			if (!context.continueOnFail()) {
				throw withNotes(
					context,
					error as Error,
					job,
					explanation,
					sent,
					hooks.resendsOnRerun !== false,
				);
			}
			const message = [(error as Error).message, explanation].filter(Boolean).join(' ');
			output.push(errorItem(error as Error, job.itemIndexes, message));
		}
	}
	return [...output, ...leftOut];
}

/**
 * Step 2½, for a node run as an AI agent's tool: the recipients of all planned jobs together against Max Recipients
 * per Tool Call. The limit is on the call, so a refusal stops it whole, Continue On Fail or not: no job is sent.
 */
function checkToolLimit<Plan>(
	context: IExecuteFunctions,
	planned: Array<Planned<Plan>>,
	recipients: (plan: Plan, job: Job, limit: number) => number,
): void {
	const limit = toolRecipientLimit(context);
	if (limit === undefined) return;
	let total = 0;
	let firstPast: number | undefined;
	for (const entry of planned) {
		if ('error' in entry) continue;
		total += recipients(entry.plan, entry.job, limit);
		if (total > limit && firstPast === undefined) firstPast = entry.job.leadItem;
	}
	if (firstPast !== undefined) throw tooManyRecipients(context, firstPast, total, limit);
}

function defaultOutput(result: unknown, job: Job): INodeExecutionData[] {
	const pairedItem = pairedItemOf(job.itemIndexes);
	return (Array.isArray(result) ? result : [result]).map((json: IDataObject) => ({
		json,
		pairedItem,
	}));
}

/** The error of a failed run, with what to know before running the node again in its description. */
function withNotes(
	context: IExecuteFunctions,
	error: Error,
	job: Job,
	explanation: string | undefined,
	sent: string[],
	resendsOnRerun: boolean,
): Error {
	const nodeError = asNodeError(context, error, job.leadItem);
	const notes = [
		explanation,
		sent.length > 0 ? `Already sent by this run: ${sent.join(', ')}.` : undefined,
		sent.length > 0 && resendsOnRerun
			? 'Running the node again sends those again; turn on Continue On Fail to get a result per item instead.'
			: undefined,
	].filter(Boolean);
	if (notes.length > 0)
		nodeError.description = [nodeError.description, ...notes].filter(Boolean).join('\n');
	return nodeError;
}

// ——— the wait ———

/**
 * What the operations that put their execution to wait share (Routee's Call and Wait, Send and Wait for Delivery and
 * Call for Approval; Octopush's Send for Approval): the Time Limit field, one input item per execution, and the wait
 * itself, whose output at the time limit is decided when the request is sent.
 */

const TIME_LIMIT_MINUTES = 10;

export const timeLimitField: INodeProperties = {
	displayName: 'Time Limit (Minutes)',
	name: 'timeLimitMinutes',
	type: 'number',
	typeOptions: { minValue: 0.05 },
	default: TIME_LIMIT_MINUTES,
	description:
		'How long the execution waits for the outcome at most. Then it continues with timedOut: true (the call or message itself is not stopped).',
};

/** The Time Limit of item `itemIndex`, in ms (the default for a value that is no positive number). */
export function timeLimitMsOf(context: IExecuteFunctions, itemIndex: number): number {
	const minutes = context.getNodeParameter('timeLimitMinutes', itemIndex, TIME_LIMIT_MINUTES);
	return (
		(typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0
			? minutes
			: TIME_LIMIT_MINUTES) * 60_000
	);
}

/**
 * The one input item a waiting operation acts on: an execution waits for one outcome. `otherwise` says what to use
 * for many items.
 */
export function onlyItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	what: string,
	otherwise: string,
): void {
	if (items.length > 1) {
		throw new NodeOperationError(
			context.getNode(),
			`${what} handles one input item per execution; it got ${items.length}`,
			{
				description: `An execution can wait for one outcome only. Put a "Loop Over Items" node (batch size 1) before this node, or ${otherwise}.`,
			},
		);
	}
}

/**
 * Puts the execution to wait until a webhook resumes it or the time limit passes; returns what the node outputs
 * meanwhile. The execution's stack entry of this node gets `onTimeout` as its input: n8n passes that on when the time
 * limit resumes the execution (its own input data is not touched: other nodes' outputs share it).
 */
export async function waitForCallback(
	context: IExecuteFunctions,
	timeLimitMs: number,
	onTimeout: IDataObject,
): Promise<INodeExecutionData[]> {
	const waitTill = new Date(Date.now() + timeLimitMs);
	const timedOut: INodeExecutionData = {
		json: { ...onTimeout, timedOut: true, waitedUntil: waitTill.toISOString() },
		pairedItem: { item: 0 },
	};
	const executeData = context.getExecuteData();
	executeData.data = { ...executeData.data, main: [[timedOut]] };
	await context.putExecutionToWait(waitTill);
	return [timedOut];
}

/**
 * Whether n8n runs this node as a tool invoked inline: the tool node's *Execute step* in the editor (n8n runs it
 * through its hidden Tool Executor) or an agent that calls its tools without pausing the workflow. n8n-core then
 * calls `execute` with a SupplyDataContext, whose `isToolExecution()` is true; `putExecutionToWait` there marks the
 * whole execution waiting while the run goes on, and a callback to the resume URL finds no waiting node (n8n
 * answers 404). When n8n's AI Agent (v3) calls a tool, it runs the tool node as a node of the execution instead
 * (an engine request), `isToolExecution()` is false and the execution waits as in any workflow.
 */
export function calledInline(context: IExecuteFunctions): boolean {
	return typeof context.isToolExecution === 'function' && context.isToolExecution();
}

/** The error of a waiting operation called inline that cannot find out its outcome itself: nothing was sent. */
export function cannotWaitInline(
	context: IExecuteFunctions,
	operationName: string,
	provider: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${operationName} can't wait for its outcome in this run, so nothing was sent`,
		{
			description:
				"n8n ran this tool on its own (the tool node's Execute step, or an agent that does not pause its workflow while a tool runs). " +
				`Such a run cannot wait: the outcome would reach no one. Nothing was sent to ${provider}. ` +
				`To try it: chat with the AI Agent it is connected to (n8n's AI Agent pauses the workflow while the tool waits), or run this operation with the ${provider} node (not the tool) in a workflow.`,
		},
	);
}
