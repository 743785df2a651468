import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { DuplicateWindow } from './duplicate-window';
import { canonicalJson } from './event-id';

/** Callbacks remembered per trigger node, and trigger nodes remembered per n8n process. */
const MAX_CALLBACKS_PER_TRIGGER = 20_000;
const MAX_TRIGGERS = 500;

/*
 * Kept in module memory, keyed by workflow id + node id. n8n offers a community node nothing shared by its
 * processes that could hold it soundly: the node's context has no cache or lock service, and the workflow's
 * static data (n8n 2.40.7, live-webhooks.js) is read from the database at each webhook call and written back
 * whole, without a lock, after it: two repeats arriving together (at one process or at two webhook processes in
 * queue mode) both read "not seen", and the later write erases what the earlier one added. The cost: the memory is per n8n process, so a repeat that
 * arrives after a restart, or at another webhook process in queue mode, still starts an execution (at least
 * once, never lost); every event carries an `eventId` (see event-id.ts) so a follow-up can drop it.
 */
const windows = new Map<string, { windowMs: number; window: DuplicateWindow }>();

/** A key that is equal for byte-for-byte repeats of a callback: the payload with its keys sorted. */
export function callbackKey(payload: IDataObject): string {
	return createHash('sha256').update(canonicalJson(payload)).digest('base64');
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
