import type { IDataObject, INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { toIsoWithOffset } from '../dates';
import { optionsCollection } from '../fields';

/**
 * One provider callback in the shape both triggers output, so a workflow reads `status`, `digits` or `to`
 * the same way whichever provider sent it. `raw` is the payload exactly as received.
 */
export interface CallbackEvent {
	/** Equal for every delivery of one provider event, whichever n8n process received it (see event-id.ts). */
	eventId: string;
	provider: string;
	kind: string;
	messageId: string | null;
	campaignId: string | null;
	to: string | null;
	status: string | null;
	/** No later status follows for this message; events that are not status changes are complete in themselves. */
	isFinal: boolean;
	detailedStatus: string | null;
	digits: string | null;
	durationSeconds: number | null;
	price: number | null;
	/** ISO 8601 with offset: when the provider says it happened, else when the callback arrived. */
	at: string;
	raw: IDataObject;
}

/**
 * The event, or why the body is no callback of the provider. Both triggers answer such a body 400 and start
 * nothing: a provider that sent it learns it was refused (Routee re-sends anything but a 200 up to 12 times over
 * 24 h, https://docs.routee.net/docs/callback-url-webhook, so a callback this node fails to read is not lost
 * silently), and anyone else gets the reason.
 */
export type NormalizeResult = { ok: true; event: CallbackEvent } | { ok: false; reason: string };

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text field, or null when absent or not a scalar. */
export function textOf(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** A numeric field; form bodies carry numbers as text. */
export function numberOf(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value.trim());
		return Number.isFinite(parsed) ? parsed : null;
	}
	return null;
}

/** The provider's date as ISO 8601 with offset (read in `timeZone` when it has none), else the arrival time. */
export function isoAt(value: unknown, receivedAtMs: number, timeZone?: string): string {
	if (typeof value === 'string' && value.trim() !== '') {
		const iso = toIsoWithOffset(value, timeZone);
		if (typeof iso === 'string') return iso;
	}
	return toIsoWithOffset(receivedAtMs) as string;
}

interface CallbackFilters {
	events: string[];
	statuses: string[];
	finalOnly: boolean;
}

/** Which events start an execution: the chosen kinds; statuses and final-only apply to events that carry a status. */
export function passesFilters(event: CallbackEvent, filters: CallbackFilters): boolean {
	if (!filters.events.includes(event.kind)) return false;
	if (event.status === null) return true;
	if (filters.statuses.length > 0 && !filters.statuses.includes(event.status)) return false;
	return !filters.finalOnly || event.isFinal;
}

/**
 * The node's subtitle: "Events: " and the chosen events by their names in the Events list (e.g. "SMS Status,
 * Inbound SMS"), not their raw values.
 */
export function eventsSubtitle(events: INodePropertyOptions[]): string {
	const names = JSON.stringify(
		Object.fromEntries(events.map((event) => [event.value, event.name])),
	);
	return `={{"Events: " + ($parameter["events"] || []).map((event) => (${names})[event] || event).join(", ")}}`;
}

export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 24 * 60;

/** Options shared by both triggers: status filters and the duplicate window (plus provider-specific extras). */
export function filterOptionsProperty(
	statuses: INodePropertyOptions[],
	extra: INodeProperties[] = [],
): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Final Statuses Only',
			name: 'finalOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to drop status events whose status is not final (e.g. Queued, Sent). Key presses, replies and STOP always pass.',
		},
		{
			displayName: 'Ignore Repeats Within (Minutes)',
			name: 'duplicateWindowMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_DUPLICATE_WINDOW_MINUTES,
			description:
				"Providers re-send a callback they think was lost: the same callback arriving again within this time starts no second execution. Remembered by this n8n process only: a repeat after a restart, or at another webhook process in queue mode, starts one more execution (at least once, never lost); drop those by the event's eventId, e.g. with n8n's Remove Duplicates node. 0 turns this off.",
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: statuses,
			default: [],
			description:
				'Only status events with one of these statuses start the workflow (none chosen: all). Events without a status always pass.',
		},
		...extra,
	]);
}
