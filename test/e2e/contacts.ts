// A CRM keeps the providers' contacts in step, in real n8n (issue 29): a CRM's webhook (n8n's Webhook node, the
// workflow active) adds the contact to an Octopush list and a Voice List Campaign on that list calls it; a Routee
// group is created and filled, an SMS campaign to the group reaches its members, and a contact that opted out (the
// Routee blacklist) is skipped by the next one. The pick lists load through the REST call n8n's editor makes.

import type { Sandbox } from '../sandbox';
import {
	allExecutions,
	CALLBACK_SECRET,
	CREDENTIALS,
	type N8n,
	PACKAGE_NAME,
	type WorkflowJson,
} from './n8n';

const routeeCredential = {
	routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name },
};
const octopushCredential = {
	octopushApi: { id: CREDENTIALS.octopush.id, name: CREDENTIALS.octopush.name },
};

/** The CRM's entry: n8n's Webhook node, answering with the last node's output. */
function crmWebhookNode(id: string, path: string): WorkflowJson['nodes'][number] {
	return {
		id: `${id}-webhook`,
		name: 'CRM webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `${id}-webhook`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
	} as WorkflowJson['nodes'][number];
}

/** Webhook (the CRM calls it; answers with the last node's output) → the given nodes, one after another. */
function crmWorkflow(
	id: string,
	path: string,
	nodes: Array<{ name: string; type: 'routee' | 'octopush'; parameters: Record<string, unknown> }>,
): WorkflowJson {
	const names = ['CRM webhook', ...nodes.map((n) => n.name)];
	return {
		id,
		name: `CRM sync ${id}`,
		nodes: [
			crmWebhookNode(id, path),
			...nodes.map((node, index) => ({
				id: `${id}-${index}`,
				name: node.name,
				type: `${PACKAGE_NAME}.${node.type}`,
				typeVersion: 2,
				position: [240 * (index + 1), 0],
				parameters: node.parameters,
				credentials: node.type === 'routee' ? routeeCredential : octopushCredential,
			})),
		],
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

/**
 * A CRM export to Routee: Webhook (the CRM posts `{customers: [{phone, name, label, value}]}`) → Split Out (one item
 * per customer) → Routee (version 3) Contact → Create or Update, with one label value each.
 */
function upsertWorkflow(id: string, path: string): WorkflowJson {
	return {
		id,
		name: `CRM export → Routee contacts ${id}`,
		nodes: [
			crmWebhookNode(id, path),
			{
				id: `${id}-split`,
				name: 'One item per customer',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.customers', options: {} },
			},
			{
				id: `${id}-upsert`,
				name: 'Create or update contact',
				type: `${PACKAGE_NAME}.routee`,
				typeVersion: 3,
				position: [480, 0],
				parameters: {
					resource: 'contact',
					operation: 'upsert',
					mobile: '={{ $json.phone }}',
					additionalFields: {
						firstName: '={{ $json.name }}',
						labels: { label: [{ name: '={{ $json.label }}', value: '={{ $json.value }}' }] },
					},
				},
				credentials: routeeCredential,
			},
		],
		connections: {
			'CRM webhook': { main: [[{ node: 'One item per customer', type: 'main', index: 0 }]] },
			'One item per customer': {
				main: [[{ node: 'Create or update contact', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

async function callCrm(n8n: N8n, path: string, body: unknown): Promise<Record<string, unknown>> {
	const response = await fetch(n8n.webhookUrl(path), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`the CRM webhook answered ${response.status}: ${text}`);
	return JSON.parse(text) as Record<string, unknown>;
}

/**
 * The README's opt-out recipe for Routee: Routee Trigger version 3 (a STOP reply is the STOP Opt-Out event) → Contact
 * → Get By Mobile (the number that sent STOP) → Opt-Out (Blacklist) → Add for SMS.
 */
function stopToBlacklistWorkflow(id: string, webhookId: string): WorkflowJson {
	const chain = ['STOP reply', 'Find the contact', 'Opt out'];
	const nodes = [
		{
			name: 'STOP reply',
			type: `${PACKAGE_NAME}.routeeTrigger`,
			typeVersion: 3,
			webhookId,
			parameters: { events: ['stop'], callerAuthentication: 'queryToken' },
			credentials: {
				routeeOctopushCallbackSecretApi: {
					id: CREDENTIALS.callbackSecret.id,
					name: CREDENTIALS.callbackSecret.name,
				},
			},
		},
		{
			name: 'Find the contact',
			type: `${PACKAGE_NAME}.routee`,
			typeVersion: 3,
			parameters: {
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'mobile', value: '={{ $json.phoneNumber }}' },
			},
			credentials: routeeCredential,
		},
		{
			name: 'Opt out',
			type: `${PACKAGE_NAME}.routee`,
			typeVersion: 3,
			parameters: {
				resource: 'blacklist',
				operation: 'add',
				service: 'Sms',
				contactIds: '={{ $json.id }}',
			},
			credentials: routeeCredential,
		},
	];
	return {
		id,
		name: `STOP → Routee blacklist ${id}`,
		nodes: nodes.map((node, index) => ({
			id: `${id}-${index}`,
			position: [240 * index, 0],
			...node,
		})),
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

export function registerContactTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	describe('contacts, lists, groups and opt-outs from a CRM (issue 29)', () => {
		const OCTOPUSH = 'e2econtactsocto1';
		const ROUTEE = 'e2econtactsrout1';
		const OPT_OUT = 'e2econtactsrout2';
		const STOP = 'e2econtactsstop1';
		const STOP_WEBHOOK = 'e2e-contacts-stop';
		const UPSERT = 'e2econtactsupsert1';
		const listName = 'crm-e2e';
		const groupName = 'crm-e2e-group';
		let n8n: N8n;
		let sandbox: Sandbox;

		beforeAll(async () => {
			({ n8n, sandbox } = context());
			await n8n.importWorkflows([
				crmWorkflow(OCTOPUSH, 'crm-octopush-contact', [
					{
						name: 'Add to list',
						type: 'octopush',
						parameters: {
							resource: 'contact',
							operation: 'upsert',
							listName,
							recipients: {
								recipient: [
									{
										phoneNumber: '={{ $json.body.phone }}',
										personalization: { firstName: '={{ $json.body.name }}' },
									},
								],
							},
						},
					},
					{
						name: 'Call the list',
						type: 'octopush',
						parameters: {
							resource: 'voiceListCampaign',
							operation: 'create',
							target: 'list',
							listName,
							text: 'Hello {first_name}, your order is ready.',
							recipients: {},
							voiceLanguage: 'en-GB',
							voiceGender: 'female',
							waitAndSend: true,
							pollInterval: 1,
							timeout: 60,
						},
					},
				]),
				crmWorkflow(ROUTEE, 'crm-routee-contact', [
					{
						name: 'Create contact',
						type: 'routee',
						parameters: {
							resource: 'contact',
							operation: 'create',
							mobile: '={{ $json.body.phone }}',
							additionalFields: { firstName: '={{ $json.body.name }}' },
						},
					},
					{
						name: 'Add to group',
						type: 'routee',
						parameters: {
							resource: 'group',
							operation: 'addContacts',
							group: { __rl: true, mode: 'list', value: groupName },
							contactIds: '={{ $json.id }}',
						},
					},
				]),
				crmWorkflow(OPT_OUT, 'crm-routee-opt-out', [
					{
						name: 'Opt out',
						type: 'routee',
						parameters: {
							resource: 'blacklist',
							operation: 'add',
							service: 'Sms',
							contactIds: '={{ $json.body.contactId }}',
						},
					},
				]),
				stopToBlacklistWorkflow(STOP, STOP_WEBHOOK),
				upsertWorkflow(UPSERT, 'crm-routee-export'),
				crmWorkflow('e2econtactsrout3', 'crm-routee-campaign', [
					{
						name: 'SMS the group',
						type: 'routee',
						parameters: {
							resource: 'sms',
							operation: 'sendCampaign',
							from: 'MyShop',
							body: 'Our sale starts today',
							to: '',
							groups: groupName,
						},
					},
				]),
			]);
			for (const id of [OCTOPUSH, ROUTEE, OPT_OUT, STOP, UPSERT, 'e2econtactsrout3'])
				await n8n.activate(id);
			// the group the CRM workflow fills, made as a user makes one (Routee's web app; here its API)
			await createGroup(sandbox, groupName);
		}, 180000);

		afterAll(async () => {
			for (const id of [OCTOPUSH, ROUTEE, OPT_OUT, STOP, UPSERT, 'e2econtactsrout3'])
				await n8n?.deactivate(id).catch(() => undefined);
		});

		test('Octopush: the CRM adds a contact to a list, and a Voice List Campaign on the list calls it', async () => {
			const output = await callCrm(n8n, 'crm-octopush-contact', {
				phone: '+33611223344',
				name: 'Camille',
			});
			expect(output).toMatchObject({ sent: true, send_response: { number_of_contacts: 1 } });
			expect(sandbox.octopush.lists.get(listName)).toEqual(['+33611223344']);
			expect(sandbox.requestsTo('octopush', 'POST', '/contact/create').map((r) => r.body)).toEqual([
				{
					list_name: listName,
					contacts: [{ phone_number: '+33611223344', first_name: 'Camille' }],
				},
			]);
			const ticket = sandbox.octopush.tickets.get(String(output.ticket_number));
			expect(ticket?.recipients).toEqual([{ phone_number: '+33611223344', first_name: 'Camille' }]);
		}, 120000);

		test('Routee: the editor lists the groups and contacts (POST /rest/dynamic-node-parameters/resource-locator-results, /options)', async () => {
			const search = async (
				methodName: string,
				parameters: Record<string, unknown>,
				filter?: string,
			) =>
				await n8n.request<{ results: Array<{ name: string; value: string }> }>(
					'POST',
					'/rest/dynamic-node-parameters/resource-locator-results',
					{
						path: methodName === 'searchGroups' ? 'parameters.group' : 'parameters.contact',
						nodeTypeAndVersion: { name: `${PACKAGE_NAME}.routee`, version: 2 },
						currentNodeParameters: parameters,
						methodName,
						filter,
						credentials: routeeCredential,
					},
				);
			const groups = await search(
				'searchGroups',
				{ resource: 'group', operation: 'get', group: { __rl: true, mode: 'list', value: '' } },
				'crm-e2e',
			);
			expect(groups.results).toEqual([{ name: `${groupName} (0 contacts)`, value: groupName }]);
			const contacts = await search('searchContacts', {
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'list', value: '' },
			});
			expect(contacts.results).toEqual(
				expect.arrayContaining([{ name: '+306900000201', value: 'sandbox-contact-1' }]),
			);
			// version 3: Groups of a campaign, an options list (POST /rest/dynamic-node-parameters/options)
			const options = await n8n.request<Array<{ name: string; value: string }>>(
				'POST',
				'/rest/dynamic-node-parameters/options',
				{
					path: 'parameters.groups',
					nodeTypeAndVersion: { name: `${PACKAGE_NAME}.routee`, version: 3 },
					currentNodeParameters: { resource: 'sms', operation: 'sendCampaign', groups: [] },
					methodName: 'getGroups',
					credentials: routeeCredential,
				},
			);
			expect(options).toEqual(
				expect.arrayContaining([
					{ name: 'sandbox-group (3 contacts)', value: 'sandbox-group' },
					{ name: `${groupName} (0 contacts)`, value: groupName },
				]),
			);
		}, 60000);

		test('Routee: the CRM creates contacts and fills the group; an SMS campaign to the group reaches them; an opt-out is skipped next time', async () => {
			const created: Array<{ id: string; mobile: string }> = [];
			for (const [phone, name] of [
				['+306944000101', 'Nikos'],
				['+306944000102', 'Eleni'],
			]) {
				const output = await callCrm(n8n, 'crm-routee-contact', { phone, name });
				expect(output).toMatchObject({ name: groupName, size: created.length + 1 });
				const request = sandbox
					.requestsTo('routee', 'POST', '/contacts/my')
					.find((r) => (r.body as { mobile?: string }).mobile === phone);
				expect(request?.body).toEqual({ mobile: phone, firstName: name });
				created.push({ id: contactIdOf(sandbox, phone), mobile: phone });
			}

			const reachedBy = async () => {
				const output = await callCrm(n8n, 'crm-routee-campaign', {});
				return [...sandbox.routee.smsMessages.values()]
					.filter((m) => m.campaignTrackingId === output.trackingId)
					.map((m) => m.to)
					.sort();
			};
			expect(await reachedBy()).toEqual(created.map((c) => c.mobile).sort());

			const optOut = await callCrm(n8n, 'crm-routee-opt-out', { contactId: created[0].id });
			expect(optOut).toEqual({ updated: 1 });
			expect(await reachedBy()).toEqual([created[1].mobile]);
		}, 120000);

		test('Routee: a CRM export fails on a label the account lacks; once the label exists, "Retry" from the executions list completes it without a second contact (Create or Update)', async () => {
			const first = { phone: '+306944000201', name: 'Anna', label: 'e2eRegion', value: 'north' };
			const second = { phone: '+306944000202', name: 'Petros', label: 'e2eTier', value: 'gold' };
			await createLabel(sandbox, first.label);
			const before = (await n8n.executions(UPSERT)).length;
			const response = await fetch(n8n.webhookUrl('crm-routee-export'), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ customers: [first, second] }),
			});
			// the CRM's call fails (n8n answers the webhook with the workflow's error)
			expect(response.ok).toBe(false);
			const failed = (await n8n.waitForExecutions(UPSERT, before + 1, 60000)).at(-1)!;
			expect(failed.status).toBe('error');
			expect(failed.data.resultData.error?.message).toMatch(
				/^Routee refused the request \(code 404002012\)/,
			);
			const created = contactIdOf(sandbox, first.phone);
			expect(sandbox.routee.contactByMobile(second.phone)).toBeUndefined();

			// the user adds the label in Routee, then clicks Retry on the failed execution
			await createLabel(sandbox, second.label);
			await n8n.request('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false });
			const retry = (await allExecutions(n8n)).find(
				(e) => String(e.retryOf ?? '') === String(failed.id),
			);
			expect(retry).toBeDefined();
			const retried = await n8n.waitForExecution(retry!.id, 120000);
			expect({ status: retried.status, error: retried.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			const output = retried.data.resultData.runData['Create or update contact'][0].data!.main[0]!;
			expect(output.map((i) => [i.json.mobile, i.json.firstName])).toEqual([
				[first.phone, first.name],
				[second.phone, second.name],
			]);
			// the contact of the first attempt was updated, not made again; the other one was created
			expect(contactIdOf(sandbox, first.phone)).toBe(created);
			expect(
				[...sandbox.routee.contacts.values()].filter((c) =>
					[first.phone, second.phone].includes(c.mobile),
				),
			).toHaveLength(2);
			expect(sandbox.routee.contactByMobile(second.phone)?.labels).toEqual([
				{ name: second.label, value: second.value },
			]);
		}, 180000);

		test('Routee: a STOP reply reaches the Routee Trigger (version 3) as kind "stop"; the recipe blacklists that contact, and the next campaign skips it', async () => {
			const mobile = '+306944000103';
			await callCrm(n8n, 'crm-routee-contact', { phone: mobile, name: 'Stavros' });
			const before = (await n8n.executions(STOP)).length;
			const response = await fetch(
				`${n8n.webhookUrl(`${STOP_WEBHOOK}/webhook`)}?token=${CALLBACK_SECRET}`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					// https://docs.routee.net/docs/inbound-messages-mo, the reply of the contact
					body: JSON.stringify({
						messageId: 'e2e-stop-reply-1',
						from: mobile,
						to: '+306911111111',
						message: 'STOP',
						parts: 1,
						originatingService: 'Sms',
						direction: 'Inbound',
						receivedDate: new Date().toISOString(),
					}),
				},
			);
			expect(response.status).toBe(200);
			const deadline = Date.now() + 60_000;
			let executions = await n8n.executions(STOP);
			const pending = (list: Array<{ status: string }>) =>
				list.length === before || list.some((e) => e.status === 'new' || e.status === 'running');
			while (pending(executions) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				executions = await n8n.executions(STOP);
			}
			expect(executions.map((e) => e.status)).toEqual(
				Array.from({ length: before + 1 }, () => 'success'),
			);
			const id = contactIdOf(sandbox, mobile);
			expect(
				sandbox.requestsTo('routee', 'POST', '/contacts/my/blacklist/Sms').map((r) => r.body),
			).toContainEqual([id]);
			expect(sandbox.routee.contacts.get(id)?.blacklistedServices).toEqual(['Sms']);
			const output = await callCrm(n8n, 'crm-routee-campaign', {});
			const reached = [...sandbox.routee.smsMessages.values()]
				.filter((m) => m.campaignTrackingId === output.trackingId)
				.map((m) => m.to);
			expect(reached).not.toContain(mobile);
		}, 120000);
	});
}

/** A POST to the sandbox's Routee API with the sandbox account's token. */
async function routeeApi(sandbox: Sandbox, path: string, body: unknown): Promise<Response> {
	const token = await fetch(sandbox.routeeTokenUrl, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-app:sandbox-secret').toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	}).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
	return await fetch(`${sandbox.routeeBaseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

/** A Routee group made directly through the sandbox's API, as a user makes one in Routee's web app. */
async function createGroup(sandbox: Sandbox, name: string): Promise<void> {
	const response = await routeeApi(sandbox, '/groups/my', { name });
	if (response.status !== 200 && response.status !== 409)
		throw new Error(`the sandbox refused the group: ${response.status} ${await response.text()}`);
}

/** A label of the Routee account (Text), made directly through the sandbox's API, as a user makes one in Routee's web app. */
async function createLabel(sandbox: Sandbox, name: string): Promise<void> {
	const response = await routeeApi(sandbox, '/contacts/labels/my', [{ name, type: 'Text' }]);
	if (response.status !== 200 && response.status !== 409)
		throw new Error(`the sandbox refused the label: ${response.status} ${await response.text()}`);
}

/** The ID Routee gave the contact of `mobile` (what the CRM would keep from Contact → Create's output). */
function contactIdOf(sandbox: Sandbox, mobile: string): string {
	const contact = sandbox.routee.contactByMobile(mobile);
	if (!contact) throw new Error(`no Routee contact has ${mobile}`);
	return contact.id;
}
