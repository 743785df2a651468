export type PlaceholderSyntax = 'braces' | 'tilde-brackets';

const PLACEHOLDER: Record<PlaceholderSyntax, RegExp> = {
	braces: /\{([A-Za-z0-9_]+)\}/g,
	'tilde-brackets': /\[~([A-Za-z0-9_]+)\]/g,
};

/**
 * The value at a field path of an item's JSON: `contact.first_name`, `phones[0]` or `phones.0`.
 * A key that itself contains dots (`first.name`, common in CSV headers) wins over the path.
 */
export function getPath(json: unknown, path: string): unknown {
	const trimmed = path.trim();
	if (trimmed === '') return undefined;
	if (isObject(json) && hasOwn(json, trimmed)) return json[trimmed];
	let current: unknown = json;
	for (const key of trimmed.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (key === '') continue;
		if (!isObject(current) || !hasOwn(current, key)) return undefined;
		current = current[key];
	}
	return current;
}

/**
 * Placeholder names used in `text` (`{first_name}`, or `[~firstName]` for tilde-brackets), each once, in
 * order of first use; with `names`, only those names.
 */
export function placeholdersIn(
	text: string,
	names?: readonly string[],
	syntax: PlaceholderSyntax = 'braces',
): string[] {
	const used = new Set<string>();
	for (const match of text.matchAll(PLACEHOLDER[syntax])) {
		if (names === undefined || names.includes(match[1])) used.add(match[1]);
	}
	return [...used];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function hasOwn(value: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(value, key);
}
