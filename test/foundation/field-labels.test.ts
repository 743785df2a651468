import type { INodeProperties } from 'n8n-workflow';

import { Octopush } from '../../nodes/Octopush/Octopush.node';
import { labelOf as octopushLabelOf } from '../../nodes/Octopush/transport/contract';
import { Routee } from '../../nodes/Routee/Routee.node';
import { labelOf as routeeLabelOf } from '../../nodes/Routee/transport/contract';
import { conflictingLabels, fieldLabels } from '../../nodes/shared/action/field-labels';

test('errors name fields as the panel does: a bundle field as "Bundle: Field", options and lists add nothing', () => {
	const properties: INodeProperties[] = [
		{ displayName: 'TTL (Minutes)', name: 'ttl', type: 'number', default: 0 },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [
				{ displayName: 'Flash', name: 'flash', type: 'boolean', default: false },
				{
					displayName: 'Callback',
					name: 'callback',
					type: 'fixedCollection',
					default: {},
					options: [
						{
							name: 'values',
							displayName: 'Callback',
							values: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
						},
					],
				},
			],
		},
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					name: 'recipient',
					displayName: 'Recipient',
					values: [
						{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
					],
				},
			],
		},
	];
	expect(Object.fromEntries(fieldLabels(properties))).toEqual({
		ttl: 'TTL (Minutes)',
		flash: 'Flash',
		'callback.url': 'Callback: URL',
		callback: 'Callback',
		phoneNumber: 'Phone Number',
		recipients: 'Recipients',
	});
});

test.each([
	// Groups of the campaigns: version 3 lists the account's groups, and n8n's linter names such a list "… Names or IDs";
	// the errors keep "Groups"
	['Routee', new Routee().description.properties, ['groups: Groups / Group Names or IDs']],
	// Target picks the endpoint of a voice list campaign (list or tag); it is no body field, so no error names it
	['Octopush', new Octopush().description.properties, ['target: Target / Campaign Target']],
])(
	'every field name of %s has one label in all its operations (the errors name it by that label)',
	(_, properties, known) => {
		expect(conflictingLabels(properties)).toEqual(known);
	},
);

test('a body path is named by the field that sets it', () => {
	expect(routeeLabelOf(['reminder', 'to', 0])).toBe('Reminder: Phone Numbers (entry 1)');
	expect(routeeLabelOf(['collectDtmfAwaitSeconds'])).toBe('Collect Key Presses: Wait Seconds');
	expect(routeeLabelOf(['name'])).toBe('Campaign Name');
	expect(routeeLabelOf(['dialPlan', 'verbs', 0, 'machineDetection', 'eventUrl'])).toBe(
		'Verb 1: Machine Detection: Event URL',
	);
	expect(octopushLabelOf('send_at')).toBe('Send At');
	expect(octopushLabelOf('type')).toBe('SMS Type');
	expect(octopushLabelOf('first_name')).toBe('First Name');
	expect(octopushLabelOf('not_a_field')).toBeUndefined();
});
