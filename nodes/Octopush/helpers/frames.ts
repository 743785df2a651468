import { createHash } from 'crypto';

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
