import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { DuplicateWindow } from './duplicate-window';

/** Callbacks remembered per trigger node, and trigger nodes remembered per n8n process. */
export const MAX_CALLBACKS_PER_TRIGGER = 20_000;
const MAX_TRIGGERS = 500;

/*
 * Kept in module memory, keyed by workflow id + node id, rather than in the workflow's static data: n8n
 * builds a fresh context (and may build a fresh node instance) for every webhook call, and static data
 * written during a call is saved only after the execution it starts, so parallel retries would all read
 * the old value, and calls that start no execution would save nothing. The cost: the memory is per n8n
 * process, so a repeat that arrives after a restart, or at another webhook process in queue mode, still
 * starts an execution (at least once, never lost).
 */
const windows = new Map<string, { windowMs: number; window: DuplicateWindow }>();

/** A key that is equal for byte-for-byte repeats of a callback: the payload with its keys sorted. */
export function callbackKey(payload: IDataObject): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (typeof value === 'object' && value !== null) {
			return Object.fromEntries(
				Object.keys(value)
					.sort()
					.map((key) => [key, canonical((value as IDataObject)[key])]),
			);
		}
		return value;
	};
	return createHash('sha256').update(JSON.stringify(canonical(payload))).digest('base64');
}

/** True when this trigger node already received `key` within `windowMs`; either way it counts as received now. */
export function isRepeat(trigger: string, key: string, windowMs: number, nowMs: number): boolean {
	if (!(windowMs > 0)) return false;
	let entry = windows.get(trigger);
	if (entry === undefined || entry.windowMs !== windowMs) {
		entry = { windowMs, window: new DuplicateWindow(windowMs, MAX_CALLBACKS_PER_TRIGGER) };
	}
	// re-inserting keeps the Map in least-recently-used order, so the oldest trigger goes first
	windows.delete(trigger);
	windows.set(trigger, entry);
	if (windows.size > MAX_TRIGGERS) windows.delete(windows.keys().next().value as string);
	return entry.window.seen(key, nowMs);
}

