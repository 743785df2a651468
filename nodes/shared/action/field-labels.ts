import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/**
 * The label the user sees for each field of a node, by field name, read from the node's properties so that
 * an error names a field exactly as the panel does (renaming a field in the panel renames it in the errors):
 * - a field by its name: `ttl` → "TTL (Minutes)";
 * - a field of a bundle (a fixedCollection of one set of values) as "Bundle: Field": `callback.url` →
 *   "Callback: URL";
 * - the fields of an Options collection, or of a list (a fixedCollection with multiple values), by their own
 *   name: the collection adds nothing to the label, and a list's entries are named by their position by the caller.
 * When two operations have a field of the same name, the first one's label is kept (a test checks that they agree).
 */
export function fieldLabels(properties: readonly INodeProperties[]): Map<string, string> {
	const labels = new Map<string, string>();
	const add = (
		fields: readonly INodeProperties[],
		prefix: { name: string; label: string } | undefined,
	) => {
		for (const field of fields) {
			const name = prefix ? `${prefix.name}.${field.name}` : field.name;
			const label = prefix ? `${prefix.label}: ${field.displayName}` : field.displayName;
			if (field.type === 'collection') {
				add((field.options ?? []) as INodeProperties[], prefix);
			} else if (field.type === 'fixedCollection') {
				const isList = field.typeOptions?.multipleValues === true;
				for (const group of (field.options ?? []) as INodePropertyCollection[]) {
					add(group.values, isList ? prefix : { name, label });
				}
				if (!labels.has(name)) labels.set(name, label);
			} else if (field.type !== 'notice' && !labels.has(name)) {
				labels.set(name, label);
			}
		}
	};
	add(properties, undefined);
	return labels;
}

/**
 * A node's field labels, registered once by its node file beside its properties, so that the code below the
 * node (validation, transport) reads them without importing the operations' descriptions.
 */
export class FieldLabels {
	private labels: Map<string, string> | undefined;

	register(properties: readonly INodeProperties[]): void {
		this.labels = fieldLabels(properties);
	}

	/**
	 * The field's label; none while the node file is not loaded (a trigger loads only its provider's
	 * transport/, and its requests carry no field of the action node's panel).
	 */
	get(name: string): string | undefined {
		return this.labels?.get(name);
	}
}

/** Every field name that two fields share with different labels (for a test: the first one would name both). */
export function conflictingLabels(properties: readonly INodeProperties[]): string[] {
	const seen = new Map<string, Set<string>>();
	const walk = (fields: readonly INodeProperties[]) => {
		for (const field of fields) {
			const one = fieldLabels([field]);
			for (const [name, label] of one) seen.set(name, (seen.get(name) ?? new Set()).add(label));
		}
	};
	walk(properties);
	return [...seen]
		.filter(([, labels]) => labels.size > 1)
		.map(([name, labels]) => `${name}: ${[...labels].join(' / ')}`);
}
