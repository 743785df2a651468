const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Placeholder names used in `text` (`{first_name}`), each once, in order of first use; with `names`, only those.
 * Octopush replaces them per recipient: https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/
 */
export function placeholdersIn(text: string, names?: readonly string[]): string[] {
	const used = new Set<string>();
	for (const match of text.matchAll(PLACEHOLDER)) {
		if (names === undefined || names.includes(match[1])) used.add(match[1]);
	}
	return [...used];
}
