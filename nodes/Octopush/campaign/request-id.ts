import { randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { frameRequestId } from '../../shared/framing';
import { MAX_REQUEST_ID } from '../contract';
import { invalid } from './validate';

/**
 * What makes a request ID the same on a retry and different everywhere else: the execution, the
 * node, the node's run in this execution (a node runs several times in a loop) and the campaign.
 */
function seedOf(context: IExecuteFunctions, campaignKey: string): { executionId: string; scope: string } {
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
	itemIndex: number,
	userRequestId: string,
	campaignKey: string,
	count: number,
): string[] {
	const indexes = Array.from({ length: count }, (_, index) => index);
	if (userRequestId === '') {
		const { executionId, scope } = seedOf(context, campaignKey);
		return indexes.map((index) => frameRequestId(executionId, scope, index));
	}
	if (userRequestId.length > MAX_REQUEST_ID) {
		throw invalid(
			context,
			{ itemIndex },
			'Request ID',
			`must be at most ${MAX_REQUEST_ID} characters, it has ${userRequestId.length}`,
		);
	}
	if (count === 1) return [userRequestId];
	const room = MAX_REQUEST_ID - `-${count}`.length;
	if (userRequestId.length > room) {
		throw invalid(
			context,
			{ itemIndex },
			'Request ID',
			`must be at most ${room} characters here: the campaign is sent in ${count} frames, so "-1" to "-${count}" is appended to it`,
		);
	}
	return indexes.map((index) => `${userRequestId}-${index + 1}`);
}
