import { randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { frameRequestId } from './frames';

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
