import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

type IsoResult = string | { error: string };

// The forms accepted: ISO 8601 date, or date and time to the minute, second or a fraction (dropped), with `T` or
// a space between them, `Z`, `z` or a ±HH, ±HHMM, ±HH:MM offset, whitespace allowed before it. Luxon parses what
// this rebuilds; the shape is checked here because Luxon also takes a bare time (`09:30` = today), week and
// ordinal dates and hour 24 (= the next day), none of which a user means as a send date.
const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ]((?:[01]\d|2[0-3]):\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:(Z)|([+-]\d{2})(?::?(\d{2}))?)?$/i;
// offsets beyond ±18:00 do not exist (Luxon would take any)
const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * ISO 8601 with an explicit offset, to the second, from what n8n date-time fields give: ISO strings,
 * `YYYY-MM-DD HH:mm:ss`, a Date, a Luxon DateTime (anything with `toISO()`) or epoch milliseconds.
 * A value without an offset is read in `timeZone` (IANA, e.g. the workflow's), or in UTC without one;
 * an instant (Date, epoch) is expressed in `timeZone`. An explicit offset is kept.
 */
export function toIsoWithOffset(value: unknown, timeZone?: string): IsoResult {
	// IANAZone.create caches the zone and its validity (IANAZone.isValidZone builds an Intl formatter each call)
	const zone = timeZone ? IANAZone.create(timeZone) : FixedOffsetZone.utcInstance;
	if (!zone.isValid) return { error: `unknown time zone '${timeZone}'` };

	if (value instanceof Date) return fromInstant(value.getTime(), zone, value);
	if (typeof value === 'number') return fromInstant(value, zone, value);
	if (typeof value === 'string') return fromString(value.trim(), zone);
	if (hasToIso(value)) {
		const iso = value.toISO();
		if (typeof iso !== 'string') return { error: 'the date-time is invalid' };
		return fromString(iso, zone);
	}
	return { error: `${describe(value)} is not a date-time` };
}

export function isInPast(iso: string, nowMs: number, toleranceMs = 0): boolean {
	const dateTime = parse(iso.trim(), FixedOffsetZone.utcInstance);
	if (dateTime === undefined) throw new Error(`'${iso}' is not an ISO 8601 date-time`);
	return dateTime.toMillis() < nowMs - toleranceMs;
}

function fromString(text: string, zone: Zone): IsoResult {
	const dateTime = parse(text, zone);
	if (dateTime === undefined) {
		return {
			error: `'${text}' is not a date-time: use ISO 8601 such as 2026-12-01T09:30:00+01:00 or 2026-12-01 09:30:00`,
		};
	}
	return format(dateTime, text);
}

function fromInstant(epochMs: number, zone: Zone, original: unknown): IsoResult {
	if (!Number.isFinite(epochMs)) return { error: `${describe(original)} is not a valid date-time` };
	const toSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
	return format(DateTime.fromMillis(toSecond, { zone }), original);
}

/** The text's date-time: with its own offset when it has one, else read in `zone`; undefined when it is none. */
function parse(text: string, zone: Zone): DateTime | undefined {
	const match = DATE_TIME.exec(text);
	if (match === null) return undefined;
	const [, date, hourMinute = '00:00', second = '00', utc, offsetHours, offsetMinutes = '00'] =
		match;
	let offset = '';
	if (utc !== undefined) offset = 'Z';
	else if (offsetHours !== undefined) {
		const minutes = Number(offsetMinutes);
		if (minutes > 59 || Math.abs(Number(offsetHours)) * 60 + minutes > MAX_OFFSET_MINUTES)
			return undefined;
		offset = `${offsetHours}:${offsetMinutes}`;
	}
	const dateTime = DateTime.fromISO(`${date}T${hourMinute}:${second}${offset}`, {
		zone,
		setZone: true,
	});
	if (!dateTime.isValid) return undefined;
	if (offset !== '') return dateTime;
	// A wall time that happens twice (clocks going back) is resolved by Luxon with the offset in force today,
	// so its meaning would change with the season: take the first one. A wall time that does not happen
	// (clocks going forward) Luxon moves forward by the gap (02:30 in a 02:00→03:00 gap becomes 03:30).
	return dateTime
		.getPossibleOffsets()
		.reduce((first, candidate) => (candidate < first ? candidate : first), dateTime);
}

function format(dateTime: DateTime, original: unknown): IsoResult {
	// historical local mean time has offsets in seconds, which ±HH:MM cannot carry: those are written in UTC
	const expressed = Number.isInteger(dateTime.offset) ? dateTime : dateTime.toUTC();
	// Luxon marks a DateTime beyond ECMAScript's range invalid (its year is then NaN)
	if (!(expressed.year >= 0 && expressed.year <= 9999))
		return { error: `${describe(original)} is out of range` };
	// Luxon writes a zero fixed offset as `Z`; the output is always ±HH:MM
	return expressed.toISO({ suppressMilliseconds: true })!.replace(/Z$/, '+00:00');
}

function hasToIso(value: unknown): value is { toISO(): unknown } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `'${value}'`;
	if (value instanceof Date) return 'the date';
	if (typeof value === 'object' && value !== null) return 'the object';
	return String(value);
}
