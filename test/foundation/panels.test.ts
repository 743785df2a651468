// Issue 15, the panels: what the n8n editor shows, read from the node descriptions the way n8n reads them.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Octopush } from '../../nodes/Octopush/Octopush.node';
import { OctopushTrigger } from '../../nodes/OctopushTrigger/OctopushTrigger.node';
import { Routee } from '../../nodes/Routee/Routee.node';
import { RouteeTrigger } from '../../nodes/RouteeTrigger/RouteeTrigger.node';
import { PACKAGE_DIR } from '../harness';

const README = 'https://github.com/n8n-nodes-routee-octopush/n8n-nodes-routee-octopush';

/** The parameters n8n keeps for a node (defaults filled in, hidden ones left out), as the editor and the engine do. */
function parametersOf(description: INodeTypeDescription, values: INodeParameters): INodeParameters {
	return (
		NodeHelpers.getNodeParameters(description.properties, values, true, false, null, description) ??
		{}
	);
}

/** n8n's tool variant of a usableAsTool node: the same properties under the name `<name>Tool` (what `@tool` reads). */
const asTool = (description: INodeTypeDescription): INodeTypeDescription => ({
	...description,
	name: `${description.name}Tool`,
});

function optionsOf(
	description: INodeTypeDescription,
	resource: string,
	operation: string,
): INodeProperties[] {
	const options = description.properties.find(
		(p) =>
			p.name === 'options' &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
	return (options?.options ?? []) as INodeProperties[];
}

describe('tool use: the fields an AI agent cannot use are hidden when the node is a tool', () => {
	const octopush = new Octopush().description;
	const routee = new Routee().description;
	const vms: INodeParameters = {
		resource: 'voiceSms',
		operation: 'sendCampaign',
		mode: 'perItem',
		text: 'Hello',
		recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
		options: { requestId: 'r-1', frameSize: 200, framesInParallel: 2, purpose: 'alert' },
	};

	test('Octopush: Mode is shown in the editor, left out for a tool', () => {
		expect(parametersOf(octopush, vms)).toHaveProperty('mode', 'perItem');
		const tool = parametersOf(asTool(octopush), vms);
		expect(tool).not.toHaveProperty('mode');
		// the fields that follow from the default mode stay
		expect(tool).toHaveProperty('recipients');
		expect(tool).toHaveProperty('text', 'Hello');
	});

	test('Octopush: Request ID, Frame Size and Frames in Parallel are hidden options for a tool, the others stay', () => {
		const hiddenForTool = optionsOf(octopush, 'voiceSms', 'sendCampaign')
			.filter((o) => !NodeHelpers.displayParameter({}, o, null, asTool(octopush)))
			.map((o) => o.name)
			.sort();
		expect(hiddenForTool).toEqual(['frameSize', 'framesInParallel', 'requestId']);
		const inEditor = optionsOf(octopush, 'voiceSms', 'sendCampaign').filter(
			(o) => !NodeHelpers.displayParameter({}, o, null, octopush),
		);
		expect(inEditor).toEqual([]);
	});

	test('Routee: Mode is left out for a tool', () => {
		const sms: INodeParameters = {
			resource: 'sms',
			operation: 'sendCampaign',
			mode: 'perItem',
			from: 'MyShop',
			to: '+306948530920',
			body: 'Hi',
		};
		expect(parametersOf(routee, sms)).toHaveProperty('mode', 'perItem');
		const tool = parametersOf(asTool(routee), sms);
		expect(tool).not.toHaveProperty('mode');
		expect(tool).toHaveProperty('to', '+306948530920');
	});
});

describe('panels: defaults, bundles, one wording', () => {
	const routee = new Routee().description;
	const octopush = new Octopush().description;

	test('Routee SMS opens on Send, the most used operation', () => {
		expect(parametersOf(routee, { resource: 'sms' })).toMatchObject({
			resource: 'sms',
			operation: 'send',
		});
	});

	test('Callback, Campaign Callback and Reminder are bundles with their fields together; the URLs hint at the Routee Trigger', () => {
		const options = optionsOf(routee, 'sms', 'sendCampaign');
		const bundle = (name: string) => {
			const option = options.find((o) => o.name === name);
			expect(option?.type).toBe('fixedCollection');
			return ((option?.options ?? []) as Array<{ values: INodeProperties[] }>)[0].values;
		};
		expect(bundle('callback').map((f) => f.name)).toEqual(['url', 'strategy']);
		expect(bundle('callback')[0].hint).toMatch(/Production URL of a Routee Trigger, with \?token=/);
		expect(bundle('campaignCallback').map((f) => f.name)).toEqual(['url', 'strategy']);
		expect(bundle('reminder').map((f) => f.name)).toEqual(['to', 'minutesBefore', 'minutesAfter']);
		expect(options.map((o) => o.name)).not.toContain('callbackUrl');
	});

	test('Update Scheduled Campaign has no Default Country among its Update Fields', () => {
		const update = routee.properties.find((p) => p.name === 'updateFields')!;
		expect((update.options as INodeProperties[]).map((o) => o.name)).not.toContain(
			'defaultCountry',
		);
	});

	test('the voice campaign shows either the text to speech fields or the WAV file URL, by Message Type', () => {
		const shown = (messageType: string) =>
			Object.keys(
				parametersOf(routee, { resource: 'voice', operation: 'sendCampaign', messageType }),
			);
		expect(shown('textToSpeech')).toEqual(expect.arrayContaining(['text', 'language', 'gender']));
		expect(shown('textToSpeech')).not.toContain('fileUrl');
		expect(shown('audioFile')).toContain('fileUrl');
		expect(shown('audioFile')).not.toContain('text');
	});

	test('each dial plan verb marks its own field required', () => {
		const verbs = routee.properties.find((p) => p.name === 'verbs')!;
		const fields = ((verbs.options ?? []) as Array<{ values: INodeProperties[] }>)[0].values;
		const required = fields
			.filter((f) => f.required)
			.map((f) => `${f.displayOptions?.show?.type?.join()}:${f.name}`);
		expect(required.sort()).toEqual(['DIAL:dialFrom', 'DIAL:dialTo', 'PLAY:fileUrl', 'SAY:text']);
	});

	test('Octopush recipients: phone number on top, personalization in a nested optional collection', () => {
		const recipients = octopush.properties.find((p) => p.name === 'recipients')!;
		const values = ((recipients.options ?? []) as Array<{ values: INodeProperties[] }>)[0].values;
		expect(values.map((v) => [v.name, v.type])).toEqual([
			['phoneNumber', 'string'],
			['personalization', 'collection'],
		]);
	});

	test('sender → recipients → message in every send operation of both nodes', () => {
		const order = (
			description: INodeTypeDescription,
			resource: string,
			operation: string,
			names: string[],
		) =>
			description.properties
				.filter(
					(p) =>
						p.displayOptions?.show?.resource?.includes(resource) &&
						p.displayOptions?.show?.operation?.includes(operation),
				)
				.map((p) => p.name)
				.filter((name) => names.includes(name));
		expect(order(routee, 'sms', 'send', ['from', 'to', 'body'])).toEqual(['from', 'to', 'body']);
		expect(order(routee, 'sms', 'sendCampaign', ['from', 'to', 'body'])).toEqual([
			'from',
			'to',
			'body',
		]);
		expect(order(routee, 'voice', 'sendCampaign', ['from', 'to', 'messageType'])).toEqual([
			'from',
			'to',
			'messageType',
		]);
		for (const [resource, operation] of [
			['sms', 'sendCampaign'],
			['voiceSms', 'sendCampaign'],
			['voiceListCampaign', 'create'],
		]) {
			expect(order(octopush, resource, operation, ['sender', 'recipientsInput', 'text'])).toEqual([
				'sender',
				'recipientsInput',
				'text',
			]);
		}
	});

	test('Mode reads the same in both nodes, sorted', () => {
		const modes = (description: INodeTypeDescription) =>
			(
				description.properties.find((p) => p.name === 'mode')!.options as Array<{
					name: string;
					value: string;
				}>
			).map((o) => [o.name, o.value]);
		expect(modes(routee)).toEqual([
			['One Campaign for All Input Items', 'allItems'],
			['One Campaign per Input Item', 'perItem'],
		]);
		expect(modes(octopush)).toEqual(modes(routee));
	});

	test('the same language code has the same name in both nodes', () => {
		const names = (options: Array<{ name: string; value: string }>) =>
			new Map(options.map((o) => [o.value, o.name]));
		const routeeNames = names(
			routee.properties.find((p) => p.name === 'language')!.options as Array<{
				name: string;
				value: string;
			}>,
		);
		const octopushNames = names(
			octopush.properties.find((p) => p.name === 'voiceLanguage')!.options as Array<{
				name: string;
				value: string;
			}>,
		);
		const shared = [...routeeNames.keys()].filter((code) => octopushNames.has(code));
		expect(shared.length).toBeGreaterThan(5);
		for (const code of shared)
			expect([code, routeeNames.get(code)]).toEqual([code, octopushNames.get(code)]);
	});

	test('placeholders start with "e.g." and collections say "Add option"', () => {
		const all = (properties: INodeProperties[]): INodeProperties[] =>
			properties.flatMap((p) => [
				p,
				...all(
					((p.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>).flatMap(
						(o) =>
							'values' in o && o.values ? o.values : 'type' in o ? [o as INodeProperties] : [],
					),
				),
			]);
		for (const description of [
			routee,
			octopush,
			new RouteeTrigger().description,
			new OctopushTrigger().description,
		]) {
			for (const p of all(description.properties)) {
				if (typeof p.placeholder !== 'string' || p.placeholder.startsWith('={{')) continue;
				if (p.type === 'collection' || p.type === 'fixedCollection')
					expect([p.name, p.placeholder]).toEqual([p.name, expect.stringMatching(/^Add [a-z]/)]);
				else expect([p.name, p.placeholder]).toEqual([p.name, expect.stringMatching(/^e\.g\. /)]);
			}
		}
	});
});

describe('the Docs link of each node opens its README section', () => {
	test.each([
		['Routee', '#routee'],
		['Octopush', '#octopush'],
		['RouteeTrigger', '#routee-trigger'],
		['OctopushTrigger', '#octopush-trigger'],
	])('%s → README%s', (node, anchor) => {
		const codex = JSON.parse(
			readFileSync(path.join(PACKAGE_DIR, 'nodes', node, `${node}.node.json`), 'utf8'),
		);
		expect(codex.resources.primaryDocumentation).toEqual([{ url: `${README}${anchor}` }]);
		for (const entry of codex.resources.credentialDocumentation ?? [])
			expect(entry.url).toBe(`${README}#credentials`);
	});
});
