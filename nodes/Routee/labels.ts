import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { FieldLabels } from '../shared/action/field-labels';
import { assertBody as assertBodyWith } from '../shared/http';

/**
 * The node's fields as the user sees them, for the errors that name a field: the labels (registered by
 * Routee.node.ts with its properties), the label of a request body path, and the body check that uses them.
 */

/** The labels of the node's fields, registered by Routee.node.ts with its properties. */
export const routeeLabels = new FieldLabels();

/**
 * Where a request body names a field differently from the panel: body path → the field's name in the
 * properties (a bundle's field as "bundle.field").
 */
const FIELD_OF_BODY_PATH: Record<string, string> = {
	name: 'campaignName',
	message: 'text',
	'message.text': 'text',
	'message.language': 'language',
	'message.gender': 'gender',
	fileURL: 'fileUrl',
	collectDtmfDigits: 'collectKeyPresses.collect',
	collectDtmfAwaitSeconds: 'collectKeyPresses.waitSeconds',
	dialPlan: 'dialPlanSource',
	'dialPlan.verbs': 'verbs',
	action: 'callAction',
};

/** Body paths that no single field shows. */
const LABEL_OF_BODY_PATH: Record<string, string> = {
	// To, Contact IDs and Groups together
	recipients: 'Recipients',
	// the verb's own selector is labelled "Verb", which after "Verb 2: " would read twice
	type: 'Verb Type',
};

function labelOfField(key: string): string | undefined {
	return LABEL_OF_BODY_PATH[key] ?? routeeLabels.get(FIELD_OF_BODY_PATH[key] ?? key);
}

/**
 * The UI name of the field at a Routee body path: `ttl` → "TTL (Minutes)", `to.2` → "To (entry 3)",
 * `dialPlan.verbs.1.message.text` → "Verb 2: Text".
 */
export function labelOf(path: ReadonlyArray<string | number>): string {
	const verbIndex =
		path[0] === 'dialPlan' && path[1] === 'verbs' && typeof path[2] === 'number'
			? path[2]
			: undefined;
	if (verbIndex !== undefined) {
		const rest = path.slice(3);
		return rest.length === 0 ? `Verb ${verbIndex + 1}` : `Verb ${verbIndex + 1}: ${labelOf(rest)}`;
	}
	const position = path.findIndex((part) => typeof part === 'number');
	const named = (position === -1 ? path : path.slice(0, position)).map(String);
	const key = named.join('.');
	const label =
		labelOfField(key) ??
		// a verb's `to: { phone }` or `to: { sip }` is its To field
		(named[0] === 'to' && named.length === 2 ? labelOfField('to') : undefined) ??
		(named.length > 1 ? labelOfField(named[named.length - 1]) : undefined) ??
		(key === '' ? 'Request' : key);
	if (position === -1) return label;
	const entry = `${label} (entry ${(path[position] as number) + 1})`;
	const after = path.slice(position + 1);
	return after.length === 0 ? entry : `${entry}: ${labelOf(after)}`;
}

/**
 * Checks a Routee request body against its schema; the first problem names the field, the item and the rule.
 * `fieldOfPath` names the field of an operation whose panel does not follow the body, e.g. Call and Wait's
 * Language, which is `dialPlan.verbs.0.message.language` in the body ("Verb 1: Language" elsewhere).
 */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	fieldOfPath: Readonly<Record<string, string>> = {},
): z.infer<T> {
	return assertBodyWith(context, schema, body, itemIndex, (path) => {
		const field = fieldOfPath[path.join('.')];
		const label = field === undefined ? undefined : routeeLabels.get(field);
		return { label: label ?? labelOf(path) };
	});
}
