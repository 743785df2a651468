// Provider-neutral value checks used by both contracts.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInt(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

export function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function unknownKeys(value: Json, allowed: readonly string[]): string[] {
	return Object.keys(value).filter((k) => !allowed.includes(k));
}

export function isHttpUrl(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATE_TIME_WITH_OFFSET =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO 8601 date-time, or null. `requireOffset`: the string must end with Z or ±hh:mm. */
export function parseIsoDateTime(value: unknown, requireOffset = false): number | null {
	if (typeof value !== 'string') return null;
	if (!(requireOffset ? ISO_DATE_TIME_WITH_OFFSET : ISO_DATE_TIME).test(value)) return null;
	const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	const ms = Date.parse(normalised);
	return Number.isNaN(ms) ? null : ms;
}

export function round(value: number, decimals = 4): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}
