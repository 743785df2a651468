import { z } from 'zod';

/** A value from a fixed list; the message reads after the field's name: "must be one of a, b, got "c"". */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values as unknown as [T[number], ...Array<T[number]>], {
		errorMap: (_issue, ctx) => ({
			message: `must be one of ${values.join(', ')}, got ${JSON.stringify(ctx.data)}`,
		}),
	});
}
