import { DateTime, Settings } from 'luxon';

import { isInPast, toIsoWithOffset } from '../../nodes/shared/dates';

describe('toIsoWithOffset', () => {
	it.each([
		// strings with an offset keep it, whatever the time zone
		['2026-12-01T09:30:00+01:00', undefined, '2026-12-01T09:30:00+01:00'],
		['2026-12-01T09:30:00+01:00', 'America/New_York', '2026-12-01T09:30:00+01:00'],
		['2026-12-01T09:30:00Z', undefined, '2026-12-01T09:30:00+00:00'],
		['2026-12-01T09:30:00z', 'Europe/Paris', '2026-12-01T09:30:00+00:00'],
		['2026-12-01T09:30:00.123-07:00', undefined, '2026-12-01T09:30:00-07:00'],
		['2026-12-01T09:30:00-0700', undefined, '2026-12-01T09:30:00-07:00'],
		['2026-12-01T09:30:00+05', undefined, '2026-12-01T09:30:00+05:00'],
		['2026-12-01T09:30+05:30', undefined, '2026-12-01T09:30:00+05:30'],
		['2026-12-01 09:30:00 +02:00', undefined, '2026-12-01T09:30:00+02:00'],
		['  2026-12-01T09:30:00-00:00  ', undefined, '2026-12-01T09:30:00+00:00'],
		['2026-12-01t09:30', undefined, '2026-12-01T09:30:00+00:00'],
		['2026-12-01T09:30:00,5+01:00', undefined, '2026-12-01T09:30:00+01:00'],
		['2026-12-01T09:30:00+18:00', undefined, '2026-12-01T09:30:00+18:00'],
		['2026-12-01T09:30:00-18:00', undefined, '2026-12-01T09:30:00-18:00'],
		['2026-12-01Z', 'Europe/Paris', '2026-12-01T00:00:00+00:00'],
		['2026-12-01 +02:00', undefined, '2026-12-01T00:00:00+02:00'],
		// without an offset: the time zone, or UTC without one
		['2026-12-01T09:30:00', undefined, '2026-12-01T09:30:00+00:00'],
		['2026-12-01 09:30:00', undefined, '2026-12-01T09:30:00+00:00'],
		['2026-12-01 09:30:00', '', '2026-12-01T09:30:00+00:00'],
		['2026-12-01 09:30:00', 'Europe/Paris', '2026-12-01T09:30:00+01:00'],
		['2026-07-01 09:30:00', 'Europe/Paris', '2026-07-01T09:30:00+02:00'],
		['2026-12-01 09:30:00', 'Europe/Athens', '2026-12-01T09:30:00+02:00'],
		['2026-07-01 09:30:00', 'Europe/Athens', '2026-07-01T09:30:00+03:00'],
		['2026-07-01 09:30:00', 'Europe/London', '2026-07-01T09:30:00+01:00'],
		['2026-12-01 09:30:00', 'Europe/London', '2026-12-01T09:30:00+00:00'],
		['2026-07-01T09:30', 'America/New_York', '2026-07-01T09:30:00-04:00'],
		['2026-12-01T09:30', 'America/Los_Angeles', '2026-12-01T09:30:00-08:00'],
		['2026-12-01T09:30:00', 'Asia/Kolkata', '2026-12-01T09:30:00+05:30'],
		['2026-12-01T09:30:00', 'Asia/Kathmandu', '2026-12-01T09:30:00+05:45'],
		['2026-12-01T09:30:00', 'America/St_Johns', '2026-12-01T09:30:00-03:30'],
		['2026-01-15T09:30:00', 'Australia/Sydney', '2026-01-15T09:30:00+11:00'],
		['2026-07-15T09:30:00', 'Australia/Sydney', '2026-07-15T09:30:00+10:00'],
		['2026-12-01T09:30:00', 'Pacific/Chatham', '2026-12-01T09:30:00+13:45'],
		['2026-12-01T09:30:00', 'UTC', '2026-12-01T09:30:00+00:00'],
		['2026-12-01', 'Europe/Paris', '2026-12-01T00:00:00+01:00'],
		['2028-02-29 12:00:00', 'Europe/Paris', '2028-02-29T12:00:00+01:00'],
		// daylight saving time: in a gap the wall time moves forward, in an overlap the first one wins
		['2026-03-29 01:59:59', 'Europe/Paris', '2026-03-29T01:59:59+01:00'],
		['2026-03-29 02:30:00', 'Europe/Paris', '2026-03-29T03:30:00+02:00'],
		['2026-03-29 03:00:00', 'Europe/Paris', '2026-03-29T03:00:00+02:00'],
		['2026-10-25 02:30:00', 'Europe/Paris', '2026-10-25T02:30:00+02:00'],
		['2026-10-25 03:00:00', 'Europe/Paris', '2026-10-25T03:00:00+01:00'],
		['2026-03-08 02:30:00', 'America/New_York', '2026-03-08T03:30:00-04:00'],
		['2026-11-01 01:30:00', 'America/New_York', '2026-11-01T01:30:00-04:00'],
		['2026-11-01 02:30:00', 'America/New_York', '2026-11-01T02:30:00-05:00'],
		['2026-10-04 02:30:00', 'Australia/Sydney', '2026-10-04T03:30:00+11:00'],
		// local mean time before time zones had offsets in seconds, which ±HH:MM cannot carry: UTC
		['1900-01-01 12:00:00', 'Europe/Paris', '1900-01-01T11:50:39+00:00'],
		['0000-01-01 09:30:00', 'UTC', '0000-01-01T09:30:00+00:00'],
	])('%j in %s → %s', (input, timeZone, expected) => {
		expect(toIsoWithOffset(input, timeZone)).toBe(expected);
	});

	it.each([
		[new Date('2026-12-01T08:30:00Z'), undefined, '2026-12-01T08:30:00+00:00'],
		[new Date('2026-12-01T08:30:00Z'), 'Europe/Paris', '2026-12-01T09:30:00+01:00'],
		[new Date('2026-07-01T06:30:00.999Z'), 'Europe/Athens', '2026-07-01T09:30:00+03:00'],
		[Date.UTC(2026, 11, 1, 8, 30), undefined, '2026-12-01T08:30:00+00:00'],
		[Date.UTC(2026, 11, 1, 8, 30), 'America/New_York', '2026-12-01T03:30:00-05:00'],
		[Date.UTC(2026, 9, 25, 0, 30), 'Europe/Paris', '2026-10-25T02:30:00+02:00'],
		[Date.UTC(2026, 9, 25, 1, 30), 'Europe/Paris', '2026-10-25T02:30:00+01:00'],
		[0, undefined, '1970-01-01T00:00:00+00:00'],
		[Date.UTC(1900, 0, 1), 'Europe/Paris', '1900-01-01T00:00:00+00:00'],
	])('instant %p in %s → %s', (input, timeZone, expected) => {
		expect(toIsoWithOffset(input, timeZone)).toBe(expected);
	});

	it.each([
		[
			DateTime.fromISO('2026-12-01T09:30:00', { zone: 'Europe/Paris' }),
			undefined,
			'2026-12-01T09:30:00+01:00',
		],
		[
			DateTime.fromISO('2026-12-01T09:30:00', { zone: 'Europe/Paris' }),
			'Asia/Tokyo',
			'2026-12-01T09:30:00+01:00',
		],
		[
			DateTime.fromISO('2026-07-01T09:30:00.250', { zone: 'America/Chicago' }),
			undefined,
			'2026-07-01T09:30:00-05:00',
		],
		[
			DateTime.fromMillis(Date.UTC(2026, 11, 1, 8, 30), { zone: 'utc' }),
			undefined,
			'2026-12-01T08:30:00+00:00',
		],
		[{ toISO: () => '2026-12-01T09:30:00.000+02:00' }, undefined, '2026-12-01T09:30:00+02:00'],
	])('Luxon-like %s in %s → %s', (input, timeZone, expected) => {
		expect(toIsoWithOffset(input, timeZone)).toBe(expected);
	});

	it.each([
		['tomorrow', undefined, "'tomorrow' is not a date-time: use ISO 8601"],
		['', undefined, "'' is not a date-time"],
		['01/12/2026 09:30', undefined, 'is not a date-time'],
		['2026-02-29 10:00:00', undefined, 'is not a date-time'],
		['2026-13-01 10:00:00', undefined, 'is not a date-time'],
		['2026-12-32', undefined, 'is not a date-time'],
		['2026-12-01T24:00:00', undefined, 'is not a date-time'],
		['2026-12-01T09:60:00', undefined, 'is not a date-time'],
		['2026-12-01T09:30:60', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00+19:00', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00+01:75', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00 Europe/Paris', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00+18:01', undefined, 'is not a date-time'],
		// forms Luxon reads but nobody means as a date to send at: a bare time (today), week, ordinal, month
		['09:30', undefined, "'09:30' is not a date-time"],
		['2026-W48-2', undefined, 'is not a date-time'],
		['2026-335', undefined, 'is not a date-time'],
		['2026-12', undefined, 'is not a date-time'],
		['20261201T093000', undefined, 'is not a date-time'],
		['2026-12-01T09', undefined, 'is not a date-time'],
		['2026-12-01T09:30.5', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00+05:', undefined, 'is not a date-time'],
		['2026-12-01T09:30:00', 'Mars/Olympus_Mons', "unknown time zone 'Mars/Olympus_Mons'"],
		[new Date('not a date'), undefined, 'the date is not a valid date-time'],
		[Number.NaN, undefined, 'NaN is not a valid date-time'],
		[Number.POSITIVE_INFINITY, undefined, 'Infinity is not a valid date-time'],
		[1e17, undefined, 'is out of range'],
		[Date.UTC(10000, 0, 1), undefined, 'is out of range'],
		[8.64e15, 'Europe/Paris', '8640000000000000 is out of range'],
		[-8.64e15, undefined, 'is out of range'],
		[DateTime.fromISO('nonsense'), undefined, 'the date-time is invalid'],
		[{ toISO: () => null }, undefined, 'the date-time is invalid'],
		[{}, undefined, 'the object is not a date-time'],
		[null, undefined, 'null is not a date-time'],
		[undefined, undefined, 'undefined is not a date-time'],
		[true, undefined, 'true is not a date-time'],
	])('%p in %s fails: %s', (input, timeZone, message) => {
		const result = toIsoWithOffset(input, timeZone);
		expect(typeof result).toBe('object');
		expect((result as { error: string }).error).toContain(message);
	});

	// Luxon alone resolves a wall time that happens twice with the offset in force on the day it runs
	describe.each([
		['in January', Date.UTC(2026, 0, 15)],
		['in July', Date.UTC(2026, 6, 15)],
	])('run %s', (_, today) => {
		const now = Settings.now;
		beforeAll(() => {
			Settings.now = () => today;
		});
		afterAll(() => {
			Settings.now = now;
		});

		it.each([
			['2026-10-25 02:30:00', 'Europe/Paris', '2026-10-25T02:30:00+02:00'],
			['2026-11-01 01:30:00', 'America/New_York', '2026-11-01T01:30:00-04:00'],
			['2026-04-05 02:30:00', 'Australia/Sydney', '2026-04-05T02:30:00+11:00'],
			['2026-03-29 02:30:00', 'Europe/Paris', '2026-03-29T03:30:00+02:00'],
		])(
			'%s in %s → %s (an overlap takes the first, a gap moves forward)',
			(input, zone, expected) => {
				expect(toIsoWithOffset(input, zone)).toBe(expected);
			},
		);
	});

	it('gives the instant Luxon agrees on for every hour of a year in several zones', () => {
		for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tehran']) {
			for (let hour = 0; hour < 366 * 24; hour += 7) {
				const wall = DateTime.fromMillis(Date.UTC(2026, 0, 1) + hour * 3_600_000, {
					zone: 'utc',
				}).toFormat("yyyy-MM-dd'T'HH:mm:ss");
				const ours = toIsoWithOffset(wall, zone) as string;
				const luxon = DateTime.fromISO(wall, { zone });
				expect(DateTime.fromISO(ours).toMillis()).toBe(luxon.toMillis());
				expect(ours).toBe(luxon.toISO({ suppressMilliseconds: true }));
			}
		}
	});
});

describe('isInPast', () => {
	const now = Date.UTC(2026, 11, 1, 9, 0);

	it.each([
		['2026-12-01T08:59:59+00:00', 0, true],
		['2026-12-01T09:00:00+00:00', 0, false],
		['2026-12-01T09:00:01+00:00', 0, false],
		['2026-12-01T09:30:00+01:00', 0, true],
		['2026-12-01T04:30:00-05:00', 0, false],
		['2026-12-01T03:30:00-05:00', 0, true],
		['2026-12-01T08:59:30Z', 60_000, false],
		['2026-12-01T08:58:59Z', 60_000, true],
	])('%s with tolerance %i → %s', (iso, tolerance, expected) => {
		expect(isInPast(iso, now, tolerance)).toBe(expected);
	});

	it('throws on something that is not ISO 8601', () => {
		expect(() => isInPast('next week', now)).toThrow("'next week' is not an ISO 8601 date-time");
	});
});
