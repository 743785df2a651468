type IsoResult = string | { error: string };

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MS = 86_400_000;
const MAX_EPOCH_MS = 8.64e15;
const MAX_OFFSET_MINUTES = 18 * 60;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * ISO 8601 with an explicit offset, to the second, from what n8n date-time fields give: ISO strings,
 * `YYYY-MM-DD HH:mm:ss`, a Date, a Luxon DateTime (anything with `toISO()`) or epoch milliseconds.
 * A value without an offset is read in `timeZone` (IANA, e.g. the workflow's), or in UTC without one;
 * an instant (Date, epoch) is expressed in `timeZone`. An explicit offset is kept.
 */
export function toIsoWithOffset(value: unknown, timeZone?: string): IsoResult {
	const zone = timeZone === undefined || timeZone === '' ? undefined : timeZone;
	if (zone !== undefined && !isTimeZone(zone)) return { error: `unknown time zone '${zone}'` };

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
	const epochMs = epochOf(iso);
	if (epochMs === undefined) throw new Error(`'${iso}' is not an ISO 8601 date-time`);
	return epochMs < nowMs - toleranceMs;
}

function fromString(text: string, zone: string | undefined): IsoResult {
	const parsed = parse(text);
	if (parsed === undefined) {
		return {
			error: `'${text}' is not a date-time: use ISO 8601 such as 2026-12-01T09:30:00+01:00 or 2026-12-01 09:30:00`,
		};
	}
	const { wall, offsetMinutes } = parsed;
	if (offsetMinutes !== undefined) return format(wall, offsetMinutes);
	if (zone === undefined) return format(wall, 0);
	return fromInstant(instantOfWallTime(wallToMs(wall), zone), zone, text);
}

function fromInstant(epochMs: number, zone: string | undefined, original: unknown): IsoResult {
	if (!Number.isFinite(epochMs)) return { error: `${describe(original)} is not a valid date-time` };
	if (Math.abs(epochMs) > MAX_EPOCH_MS) return { error: `${describe(original)} is out of range` };
	const offsetMs = zone === undefined ? 0 : offsetAt(epochMs, zone);
	// historical local mean time has offsets in seconds, which ±HH:MM cannot carry
	const wholeMinutes = offsetMs % 60_000 === 0 ? offsetMs : 0;
	const wall = msToWall(epochMs + wholeMinutes);
	if (!(wall.year >= 0 && wall.year <= 9999))
		return { error: `${describe(original)} is out of range` };
	return format(wall, wholeMinutes / 60_000);
}

function parse(text: string): { wall: WallTime; offsetMinutes?: number } | undefined {
	const match = DATE_TIME.exec(text);
	if (match === null) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', offset] = match;
	const wall = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
	};
	const roundTrip = msToWall(wallToMs(wall));
	if (Object.entries(wall).some(([key, part]) => roundTrip[key as keyof WallTime] !== part))
		return undefined;
	if (offset === undefined) return { wall };
	const offsetMinutes = parseOffset(offset);
	return offsetMinutes === undefined ? undefined : { wall, offsetMinutes };
}

function parseOffset(offset: string): number | undefined {
	if (offset.toUpperCase() === 'Z') return 0;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	const total = hours * 60 + minutes;
	if (minutes > 59 || total > MAX_OFFSET_MINUTES) return undefined;
	return offset.startsWith('-') ? -total : total;
}

function epochOf(iso: string): number | undefined {
	const parsed = parse(iso.trim());
	if (parsed === undefined) return undefined;
	return wallToMs(parsed.wall) - (parsed.offsetMinutes ?? 0) * 60_000;
}

// When clocks go back a wall time happens twice: take the first. When they go forward it does not
// happen: move it forward by the gap (09:30 stays 09:30, 02:30 in a 02:00→03:00 gap becomes 03:30).
function instantOfWallTime(wallMs: number, zone: string): number {
	const before = offsetAt(wallMs - DAY_MS, zone);
	const after = offsetAt(wallMs + DAY_MS, zone);
	const candidates = [...new Set([before, after])]
		.map((offset) => wallMs - offset)
		.filter((instant) => offsetAt(instant, zone) === wallMs - instant);
	return candidates.length > 0 ? Math.min(...candidates) : wallMs - before;
}

function offsetAt(epochMs: number, zone: string): number {
	const parts = formatter(zone).formatToParts(new Date(epochMs));
	const part = (type: Intl.DateTimeFormatPartTypes): number =>
		Number(parts.find((candidate) => candidate.type === type)?.value);
	const wall = {
		year: part('year'),
		month: part('month'),
		day: part('day'),
		hour: part('hour') % 24,
		minute: part('minute'),
		second: part('second'),
	};
	return wallToMs(wall) - (epochMs - mod(epochMs, 1000));
}

function formatter(zone: string): Intl.DateTimeFormat {
	let cached = formatters.get(zone);
	if (cached === undefined) {
		cached = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, cached);
	}
	return cached;
}

function isTimeZone(zone: string): boolean {
	try {
		formatter(zone);
		return true;
	} catch {
		return false;
	}
}

function wallToMs(wall: WallTime): number {
	const date = new Date(0);
	date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
	date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
	return date.getTime();
}

function msToWall(epochMs: number): WallTime {
	const date = new Date(epochMs);
	return {
		year: date.getUTCFullYear(),
		month: date.getUTCMonth() + 1,
		day: date.getUTCDate(),
		hour: date.getUTCHours(),
		minute: date.getUTCMinutes(),
		second: date.getUTCSeconds(),
	};
}

function format(wall: WallTime, offsetMinutes: number): string {
	const pad = (value: number, length = 2): string => String(value).padStart(length, '0');
	const sign = offsetMinutes < 0 ? '-' : '+';
	const absolute = Math.abs(offsetMinutes);
	return (
		`${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
		`${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
	);
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

function mod(value: number, divisor: number): number {
	return ((value % divisor) + divisor) % divisor;
}
