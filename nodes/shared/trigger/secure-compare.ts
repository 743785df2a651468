import { createHash, timingSafeEqual } from 'crypto';

/** Constant-time string equality; comparing digests hides the length of the secret too. */
export function secureEquals(a: string, b: string): boolean {
	const digestA = createHash('sha256').update(a, 'utf8').digest();
	const digestB = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(digestA, digestB);
}
