import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
