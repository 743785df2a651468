import { FieldLabels } from '../shared/action/field-labels';

/** The labels of the node's fields, registered by Octopush.node.ts with its properties. */
export const octopushLabels = new FieldLabels();

/** Body fields whose panel field is not simply the body name in camelCase. */
const FIELD_OF_BODY_KEY: Record<string, string> = {
	type: 'smsType',
};

/**
 * The UI name of an Octopush body field (`send_at` → "Send At", `first_name` → "First Name"), for our
 * validation errors and Octopush's; undefined when no field of the panel sets it.
 */
export function labelOf(bodyKey: string): string | undefined {
	return octopushLabels.get(
		FIELD_OF_BODY_KEY[bodyKey] ??
			bodyKey.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
	);
}
