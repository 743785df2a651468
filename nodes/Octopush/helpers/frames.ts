import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, IPairedItemData } from 'n8n-workflow';

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
}
