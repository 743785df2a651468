// Issue 15, the panels: what the n8n editor shows, read from the node descriptions the way n8n reads them.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import type {
	INode,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

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
		// Frames in Parallel is two options, one per default (versions 1–2 and 3): both hidden
		const hiddenForTool = optionsOf(octopush, 'voiceSms', 'sendCampaign')
			.filter((o) => !NodeHelpers.displayParameter({}, o, null, asTool(octopush)))
			.map((o) => o.name)
			.sort();
		expect(hiddenForTool).toEqual([
			'frameSize',
			'framesInParallel',
			'framesInParallel',
			'requestId',
		]);
		// in the editor every option shows, each Frames in Parallel in its versions
		const shownIn = (version: number) =>
			optionsOf(octopush, 'voiceSms', 'sendCampaign').filter((o) =>
				NodeHelpers.displayParameter({}, o, { typeVersion: version } as INode, octopush),
			);
		for (const version of [1, 2, 3]) {
			const shown = shownIn(version);
			expect(shown.filter((o) => o.name === 'framesInParallel').map((o) => o.default)).toEqual([
				version >= 3 ? 4 : 1,
			]);
			expect(shown).toHaveLength(optionsOf(octopush, 'voiceSms', 'sendCampaign').length - 1);
		}
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

describe('tool use: Max Recipients per Tool Call, only in the tool variant of version 2, on every mass send', () => {
	const routee = new Routee().description;
	const octopush = new Octopush().description;
	const at = (
		description: INodeTypeDescription,
		values: INodeParameters,
		typeVersion: number,
	): INodeParameters =>
		NodeHelpers.getNodeParameters(
			description.properties,
			values,
			true,
			false,
			{ typeVersion } as INode,
			description,
		) ?? {};

	test('the operations that have it: those that send to many recipients at once, and bulk contact writes', () => {
		const operationsWithLimit = (description: INodeTypeDescription) =>
			description.properties
				.filter((p) => p.name === 'toolMaxRecipients')
				.map(
					(p) =>
						`${String(p.displayOptions?.show?.resource)} → ${String(p.displayOptions?.show?.operation)}`,
				)
				.sort();
		expect(operationsWithLimit(routee)).toEqual([
			// bulk contact writes (issue 29): the contacts one call adds or removes count as its recipients
			'blacklist → add',
			'blacklist → remove',
			'group → addContacts',
			'group → removeContacts',
			'sms → sendCampaign',
			'sms → updateCampaign',
			'voice → sendCampaign',
		]);
		expect(operationsWithLimit(octopush)).toEqual([
			// bulk contact writes (issue 29): the contacts one call writes or deletes count as its recipients
			'contact → delete',
			'contact → upsert',
			'sms → sendCampaign',
			'voiceListCampaign → create',
			'voiceListCampaign → send',
			'voiceSms → sendCampaign',
		]);
	});

	test.each([
		['Routee', routee, { resource: 'sms', operation: 'sendCampaign' }],
		['Routee', routee, { resource: 'voice', operation: 'sendCampaign' }],
		['Routee', routee, { resource: 'sms', operation: 'updateCampaign' }],
		['Octopush', octopush, { resource: 'sms', operation: 'sendCampaign' }],
		['Octopush', octopush, { resource: 'voiceSms', operation: 'sendCampaign' }],
		['Octopush', octopush, { resource: 'voiceListCampaign', operation: 'send' }],
		[
			'Octopush',
			octopush,
			{ resource: 'voiceListCampaign', operation: 'create', waitAndSend: true },
		],
	])(
		'%s %j: 10 by default in the version-2 tool; absent from a version-1 tool and from the node',
		(_name, description, values: INodeParameters) => {
			expect(at(asTool(description), values, 2)).toHaveProperty('toolMaxRecipients', 10);
			expect(at(asTool(description), values, 1)).not.toHaveProperty('toolMaxRecipients');
			expect(at(description, values, 2)).not.toHaveProperty('toolMaxRecipients');
			expect(at(description, values, 1)).not.toHaveProperty('toolMaxRecipients');
		},
	);

	test('Octopush Voice List Campaign → Create has it only when it also sends (Wait Until Ready, Then Send)', () => {
		const create = { resource: 'voiceListCampaign', operation: 'create' };
		expect(at(asTool(octopush), { ...create, waitAndSend: false }, 2)).not.toHaveProperty(
			'toolMaxRecipients',
		);
	});

	test('operations that send to one number, or nothing, have no limit', () => {
		for (const values of [
			{ resource: 'sms', operation: 'send' },
			{ resource: 'sms', operation: 'analyze' },
			{ resource: 'voice', operation: 'callAndWait' },
		]) {
			expect(at(asTool(routee), values, 2)).not.toHaveProperty('toolMaxRecipients');
		}
	});
});

describe('tool use: the description n8n gives a tool ("Set Automatically") says what the call sends and costs', () => {
	const auto = (nodeType: INodeType, parameters: INodeParameters) =>
		NodeHelpers.getToolDescriptionForNode(
			{ parameters: { descriptionType: 'auto', ...parameters } } as unknown as INode,
			nodeType,
		);

	test.each([
		[
			new Routee(),
			{ resource: 'sms', operation: 'send' },
			'Send an SMS to one phone number at a cost per part in Routee',
		],
		[
			new Routee(),
			{ resource: 'sms', operation: 'sendCampaign' },
			'Send an SMS to many recipients at a cost per recipient in Routee',
		],
		[
			new Routee(),
			{ resource: 'sms', operation: 'analyze' },
			'Analyze the cost of an SMS campaign without sending it in Routee',
		],
		[
			new Routee(),
			{ resource: 'voice', operation: 'sendCampaign' },
			'Send a voice campaign to many recipients at a cost per call in Routee',
		],
		[
			new Octopush(),
			{ resource: 'voiceSms', operation: 'sendCampaign' },
			'Send a voice SMS to many recipients at a cost per call in Octopush',
		],
		[
			new Octopush(),
			{ resource: 'voiceListCampaign', operation: 'send' },
			'Send a voice list campaign to its whole list at a cost per call in Octopush',
		],
	])('%#: %j', (nodeType, parameters, expected) => {
		expect(auto(nodeType, parameters)).toBe(expected);
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
				if (typeof p.placeholder !== 'string') continue;
				if (p.type === 'collection' || p.type === 'fixedCollection')
					expect([p.name, p.placeholder]).toEqual([p.name, expect.stringMatching(/^Add [a-z]/)]);
				else expect([p.name, p.placeholder]).toEqual([p.name, expect.stringMatching(/^e\.g\. /)]);
			}
		}
	});
});

describe('a newcomer reads the panels (issue 26): words, not internal values', () => {
	const descriptions = [
		new Routee().description,
		new Octopush().description,
		new RouteeTrigger().description,
		new OctopushTrigger().description,
	];
	/** Every property, with the fields of collections and the options of lists, as the panel shows them. */
	const everything = (properties: INodeProperties[]): INodeProperties[] =>
		properties.flatMap((p) => [
			p,
			...everything(
				((p.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>).flatMap(
					(o) => ('values' in o && o.values ? o.values : 'type' in o ? [o as INodeProperties] : []),
				),
			),
		]);
	const textsOf = (p: INodeProperties): string[] =>
		[
			p.displayName,
			p.description,
			p.hint,
			p.placeholder,
			...((p.options ?? []) as Array<{ description?: string }>).map((o) => o.description),
		].filter((text): text is string => typeof text === 'string');

	/** The canvas subtitle as the editor evaluates it, for a node with these parameters. */
	function subtitleOf(nodeType: INodeType, parameters: INodeParameters): string {
		const { description } = nodeType;
		const node: INode = {
			id: 'n',
			name: description.defaults.name as string,
			type: description.name,
			typeVersion: 1,
			position: [0, 0],
			parameters: parametersOf(description, parameters),
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => nodeType,
				getByNameAndVersion: () => nodeType,
				getKnownTypes: () => ({}),
			},
		});
		return String(
			workflow.expression.getSimpleParameterValue(
				node,
				description.subtitle as string,
				'internal',
				{},
			),
		);
	}

	test.each([
		[
			new Routee(),
			{ resource: 'voice', operation: 'callAndWait' },
			'Call and wait for a key press at a cost per call',
		],
		[
			new Routee(),
			{ resource: 'sms', operation: 'send' },
			'Send an SMS to one phone number at a cost per part',
		],
		[new Routee(), {}, 'Send an SMS to one phone number at a cost per part'],
		[
			new Octopush(),
			{ resource: 'voiceSms', operation: 'sendCampaign' },
			'Send a voice SMS to many recipients at a cost per call',
		],
		[new Octopush(), { resource: 'account', operation: 'getBalance' }, 'Get the account balance'],
	])('the canvas subtitle says the operation in words: %#', (nodeType, parameters, expected) => {
		expect(subtitleOf(nodeType, parameters)).toBe(expected);
	});

	test('every action of both nodes is a subtitle (one per resource and operation)', () => {
		for (const nodeType of [new Routee(), new Octopush()]) {
			for (const operations of nodeType.description.properties.filter(
				(p) => p.name === 'operation',
			)) {
				const resource = operations.displayOptions?.show?.resource?.[0] as string;
				for (const option of operations.options as Array<{ value: string; action: string }>) {
					expect(subtitleOf(nodeType, { resource, operation: option.value })).toBe(option.action);
				}
			}
		}
	});

	test('no placeholder, description, hint or option shows expression syntax or an API path', () => {
		const found: string[] = [];
		for (const description of descriptions) {
			for (const p of everything(description.properties)) {
				for (const text of textsOf(p)) {
					if (/^=|\{\{|\b(GET|POST|PUT|PATCH|DELETE) \//.test(text))
						found.push(`${p.name}: ${text}`);
				}
			}
		}
		expect(found).toEqual([]);
	});

	test('notices shown whatever the settings speak to users, not operators (no queue mode, workers or eventId)', () => {
		const found: string[] = [];
		for (const description of descriptions) {
			for (const p of everything(description.properties)) {
				if (p.type !== 'notice' || p.displayOptions?.show?.resource) continue;
				if (/queue mode|worker|eventId/i.test(p.displayName)) found.push(p.displayName);
			}
		}
		for (const p of everything(new Routee().description.properties)) {
			if (p.type === 'notice' && /queue mode|worker/i.test(p.displayName))
				found.push(p.displayName);
		}
		expect(found).toEqual([]);
	});

	test('the voice From suggests a number, as its description asks (a name shows as "Unknown")', () => {
		const from = new Routee().description.properties.find(
			(p) => p.name === 'from' && p.displayOptions?.show?.operation?.includes('callAndWait'),
		);
		expect(from?.description).toMatch(/"Unknown"/);
		expect(from?.placeholder).toMatch(/^e\.g\. \+\d+$/);
	});

	test('Octopush Trigger v2: the "add ?token=" hint only where the user pastes the URL (Manual registration)', () => {
		const trigger = new OctopushTrigger().description;
		const shown = (registration: string, version: number) =>
			trigger.properties.filter(
				(p) =>
					p.name === 'callerAuthentication' &&
					NodeHelpers.displayParameter(
						{ registration },
						p,
						{ typeVersion: version } as never,
						trigger,
					),
			);
		for (const [registration, hinted] of [
			['automatic', false],
			['manual', true],
		] as const) {
			const [property, ...more] = shown(registration, 2);
			expect(more).toEqual([]);
			expect([registration, property.hint !== undefined]).toEqual([registration, hinted]);
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
