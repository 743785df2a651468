import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** `value` as JSON with every object's keys sorted, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
	const canonical = (inner: unknown): unknown => {
		if (Array.isArray(inner)) return inner.map(canonical);
		if (typeof inner === 'object' && inner !== null) {
			return Object.fromEntries(
				Object.keys(inner)
					.sort()
					.map((key) => [key, canonical((inner as IDataObject)[key])]),
			);
		}
		return inner;
	};
	return JSON.stringify(canonical(value) ?? null);
}

/**
 * The `eventId` of a callback event: the same for every delivery of one provider event (a provider re-sends a
 * callback it thinks was lost), different for different events. Built only from what the provider says about
 * the event (its message or tracking id, the status and the provider's own time of it, see each trigger's
 * `normalize`), never from when or where the callback arrived, so every n8n webhook process computes the same
 * id for a repeat. A follow-up that must act once per event drops repeats by this id (callbacks are delivered
 * at least once across webhook processes).
 */
export function eventIdOf(provider: string, kind: string, identifiers: readonly unknown[]): string {
	const digest = createHash('sha256')
		.update(canonicalJson([provider, kind, ...identifiers]))
		.digest('hex');
	return `${provider}-${kind}-${digest.slice(0, 32)}`;
}
