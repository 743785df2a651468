import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { Octopush } from '../../nodes/Octopush/Octopush.node';
import { Routee } from '../../nodes/Routee/Routee.node';

/**
 * What eslint-plugin-n8n-nodes-base checks on an Operation property, applied to the descriptions as n8n
 * receives them. The lint reads only literal `{ name: 'operation', … }` objects in the source, and these
 * selectors are built by a helper, so it cannot see them (review §1.10): a miscased or missing action must
 * fail here instead.
 */
const ACRONYMS = new Set(['SMS', 'ID', 'URL', 'DTMF', 'WAV', 'API']);

/** n8n's action rule: sentence case ("Send an SMS"), no final period, the verb first. */
function actionProblem(action: string | undefined): string | undefined {
	if (action === undefined || action.trim() === '') return 'has no action';
	if (action.endsWith('.')) return 'ends with a period';
	const [first, ...rest] = action.split(' ');
	if (first[0] !== first[0].toUpperCase()) return 'does not start with a capital';
	const miscased = rest.find(
		(word) => word !== word.toLowerCase() && !ACRONYMS.has(word.replace(/[^A-Za-z]/g, '')),
	);
	return miscased === undefined ? undefined : `is not sentence case ("${miscased}")`;
}

function operationsOf(
	description: INodeTypeDescription,
): Array<{ resource: string; property: INodeProperties }> {
	return description.properties
		.filter((property) => property.name === 'operation')
		.map((property) => ({
			resource: String(property.displayOptions?.show?.resource?.[0]),
			property,
		}));
}

describe.each([
	['Routee', new Routee().description],
	['Octopush', new Octopush().description],
])('%s: every Operation property passes what n8n’s lint checks', (_node, description) => {
	const operations = operationsOf(description);

	test('each resource has one Operation property, with options', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ??
			[]) as INodePropertyOptions[];
		expect(operations.map((o) => o.resource).sort()).toEqual(
			resources.map((r) => String(r.value)).sort(),
		);
		for (const { property } of operations) {
			expect(property).toMatchObject({ type: 'options', noDataExpression: true });
			expect((property.options ?? []).length).toBeGreaterThan(0);
		}
	});

	test('every operation has an action in sentence case (node-param-operation-option-action-miscased, …-without-action)', () => {
		const problems = operations.flatMap(({ resource, property }) =>
			(property.options as INodePropertyOptions[]).flatMap((option) => {
				const problem = actionProblem(option.action);
				return problem === undefined ? [] : [`${resource} → ${option.name}: action ${problem}`];
			}),
		);
		expect(problems).toEqual([]);
	});

	test('options are sorted by name and the default is one of them (node-param-options-type-unsorted-items, …-default)', () => {
		for (const { property } of operations) {
			const names = (property.options as INodePropertyOptions[]).map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			expect((property.options as INodePropertyOptions[]).map((option) => option.value)).toContain(
				property.default,
			);
		}
	});
});

test('the action check fails a miscased and a missing action (the probe of review §1.10)', () => {
	expect(actionProblem('send An sms.')).toBeDefined();
	expect(actionProblem('Send An SMS')).toBe('is not sentence case ("An")');
	expect(actionProblem(undefined)).toBe('has no action');
	expect(actionProblem('Send an SMS')).toBeUndefined();
});
