// Octopush endpoints: documented success bodies, credit, request_id de-duplication, scheduling, the list lifecycle.

import { Sandbox } from './server';
import { defaultSettings, SETTINGS_READ_PATHS } from './octopush/state';
import { octopush, sleep } from './test-client';

const TICKET = /^voice_[0-9a-f]{13}$/;
const vms = (extra: Record<string, unknown> = {}) => ({
	text: '{first_name}, your parcel arrives tomorrow',
	recipients: [
		{ phone_number: '+33612345678', first_name: 'Alex' },
		{ phone_number: '+33612345679' },
	],
	voice_language: 'fr-FR',
	voice_gender: 'female',
	...extra,
});

describe('Octopush endpoints', () => {
	let sandbox: Sandbox;
	const call = (method: string, path: string, body?: unknown) =>
		octopush(sandbox, method, path, body);

	beforeEach(async () => {
		sandbox = await Sandbox.start({ octopushComputationMs: 200, deliveryDelayMs: 5 });
	});
	afterEach(() => sandbox.stop());

	test('POST /voice-campaign/send answers the documented body and charges the wallet', async () => {
		const res = await call(
			'POST',
			'/voice-campaign/send',
			vms({ sender: 'MyShop', purpose: 'alert', type: 'voice_sms', request_id: 'order-42' }),
		);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			ticket_number: expect.stringMatching(TICKET),
			number_of_contacts: 2,
			total_cost: 0.1,
			estimated_duration: expect.any(Number),
			residual_credit: 149.9,
		});
		expect((await call('GET', '/wallet/check-balance')).body).toEqual({
			amount: 149.9,
			unit: 'euros',
		});
	});

	test('POST /sms-campaign/send answers the documented body (ticket sms_…, number_of_sms_needed)', async () => {
		const res = await call('POST', '/sms-campaign/send', {
			text: 'x'.repeat(161),
			recipients: [
				{ phone_number: '+33612345678' },
				{ phone_number: '+33612345679' },
				{ phone_number: '+33612345670' },
			],
			type: 'sms_low_cost',
			sender: 'MyShop',
			with_replies: true,
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			ticket_number: expect.stringMatching(/^sms_[0-9a-f]{13}$/),
			number_of_contacts: 3,
			total_cost: 0.18,
			number_of_sms_needed: 6,
			residual_credit: 149.82,
		});
	});

	test('a request_id is de-duplicated for 24 h → 400 with code 120', async () => {
		expect(
			(await call('POST', '/voice-campaign/send', vms({ request_id: 'frame-1' }))).status,
		).toBe(200);
		const again = await call('POST', '/voice-campaign/send', vms({ request_id: 'frame-1' }));
		expect(again.status).toBe(400);
		expect(again.body).toEqual({
			code: 400,
			message: 'Payload validation error.',
			errors: { request_id: { code: 120, message: 'Same request_id already sent' } },
		});
		expect(sandbox.octopush.balance).toBe(149.9);
		expect(
			(await call('POST', '/voice-campaign/send', vms({ request_id: 'frame-2' }))).status,
		).toBe(200);
		sandbox.octopush.requestIds.set('frame-1', Date.now() - 24 * 3600 * 1000 - 1);
		expect(
			(await call('POST', '/voice-campaign/send', vms({ request_id: 'frame-1' }))).status,
		).toBe(200);
	});

	test('not enough credit → 400 with legacy code 104; nothing charged', async () => {
		sandbox.octopush.balance = 0.06;
		const res = await call('POST', '/voice-campaign/send', vms());
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			code: 400,
			message: expect.any(String),
			errors: { credit: { code: 104, message: expect.any(String) } },
		});
		expect(sandbox.octopush.balance).toBe(0.06);
	});

	test('simulation_mode answers a ticket but charges and delivers nothing', async () => {
		const res = await call('POST', '/voice-campaign/send', vms({ simulation_mode: true }));
		expect(res.status).toBe(200);
		expect(res.body.residual_credit).toBe(150);
		expect(sandbox.octopush.balance).toBe(150);
	});

	test('a send_at that has passed is accepted and sent at once, as Octopush documents', async () => {
		const res = await call(
			'POST',
			'/voice-campaign/send',
			vms({ send_at: '2001-10-03T07:42:39-07:00' }),
		);
		expect(res.status).toBe(200);
		// sent now: too late to cancel
		const cancel = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: res.body.ticket_number,
		});
		expect(cancel.body.errors.ticket_number.code).toBe(446);
	});

	test('a VMS scheduled more than 10 minutes ahead can be cancelled (204, refunded); an immediate one cannot', async () => {
		const sendAt = new Date(Date.now() + 3_600_000).toISOString().replace('Z', '+00:00');
		const scheduled = await call('POST', '/voice-campaign/send', vms({ send_at: sendAt }));
		expect(scheduled.status).toBe(200);
		expect(sandbox.octopush.balance).toBe(149.9);
		const cancel = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: scheduled.body.ticket_number,
		});
		expect(cancel.status).toBe(204);
		expect(sandbox.octopush.balance).toBe(150);
		const twice = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: scheduled.body.ticket_number,
		});
		expect(twice.body.errors.ticket_number.code).toBe(444);
		const soon = await call(
			'POST',
			'/voice-campaign/send',
			vms({ send_at: new Date(Date.now() + 5 * 60_000).toISOString() }),
		);
		const refused = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: soon.body.ticket_number,
		});
		expect(refused.status).toBe(400);
		expect(refused.body.errors.ticket_number.code).toBe(446);
	});

	test('VMS cancel follows the documented rules: fewer than 3 recipients, more than 10 minutes ahead, 1000 a month', async () => {
		const sendAt = new Date(Date.now() + 3_600_000).toISOString().replace('Z', '+00:00');
		const three = await call(
			'POST',
			'/voice-campaign/send',
			vms({
				send_at: sendAt,
				recipients: [
					{ phone_number: '+33612345678' },
					{ phone_number: '+33612345679' },
					{ phone_number: '+33612345670' },
				],
			}),
		);
		const refused = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: three.body.ticket_number,
		});
		expect([refused.status, refused.body.errors.ticket_number]).toEqual([
			400,
			{
				code: 446,
				message:
					'Cancellation is only allowed when the campaign has fewer than 3 recipients (this one has 3).',
			},
		]);

		const two = await call('POST', '/voice-campaign/send', vms({ send_at: sendAt }));
		const month = new Date().toISOString().slice(0, 7);
		sandbox.octopush.voiceCancels.set(`sandbox@example.com ${month}`, 1000);
		const overLimit = await call('DELETE', '/voice-campaign/cancel', {
			ticket_number: two.body.ticket_number,
		});
		expect(overLimit.body.errors.ticket_number).toEqual({
			code: 446,
			message: 'Cancellation is limited to 1000 requests per month and per API user account.',
		});
		sandbox.octopush.voiceCancels.set(`sandbox@example.com ${month}`, 998);
		expect(
			(await call('DELETE', '/voice-campaign/cancel', { ticket_number: two.body.ticket_number }))
				.status,
		).toBe(204);
	});

	test('voice text in any script, any listed language, a sender with a space and a long request_id are accepted', async () => {
		for (const [text, language] of [
			['Vous êtes prêt ? Appuyez sur 1.', 'fr-FR'],
			['Привет', 'ru-RU'],
			['Γεια σας', 'el-GR'],
			['Hej då', 'nl-NL'],
		]) {
			const res = await call(
				'POST',
				'/voice-campaign/send',
				vms({
					text,
					voice_language: language,
					sender: 'My Shop',
					request_id: `${language}-5f0c4a9e-8a43-4b8e-9d1a-0c2f6b7e1d23`,
				}),
			);
			expect([language, res.status]).toEqual([language, 200]);
		}
		const swedish = await call(
			'POST',
			'/voice-campaign/send',
			vms({
				voice_language: 'sv-SE',
				voice_gender: 'female',
				auto_remove_blacklisted_numbers: true,
			}),
		);
		expect(swedish.status).toBe(200);
	});

	describe('voice campaign on a list (4 services)', () => {
		test('create 201 → under_computation → send refused → ready_to_be_sent → send 200 → send again refused', async () => {
			const created = await call('POST', '/voice-campaign-on-list/create', {
				list_name: 'sandbox-list',
				text: 'Hello',
				voice_language: 'en-GB',
				voice_gender: 'male',
			});
			expect(created.status).toBe(201);
			expect(created.body).toEqual({ ticket_number: expect.stringMatching(TICKET) });
			const ticket = created.body.ticket_number;

			const computing = await call('GET', `/voice-campaign-on-list/status?ticket_number=${ticket}`);
			expect(computing.status).toBe(200);
			expect(computing.body).toEqual({
				number_of_contacts: 0,
				cost: 0,
				estimated_duration: 0,
				status: 'under_computation',
			});
			const early = await call('POST', '/voice-campaign-on-list/send', { ticket_number: ticket });
			expect(early.status).toBe(400);
			expect(early.body).toEqual({
				code: 400,
				message: 'Campaign is not ready to be sent.',
				errors: {
					ticket_number: { code: 445, message: expect.stringContaining('under_computation') },
				},
			});
			expect(sandbox.octopush.balance).toBe(150);

			await sleep(250);
			const ready = await call('GET', `/voice-campaign-on-list/status?ticket_number=${ticket}`);
			expect(ready.body).toEqual({
				number_of_contacts: 3,
				cost: 0.15,
				estimated_duration: expect.any(Number),
				status: 'ready_to_be_sent',
			});
			const sent = await call('POST', '/voice-campaign-on-list/send', { ticket_number: ticket });
			expect(sent.status).toBe(200);
			expect(sent.body).toEqual(
				expect.objectContaining({
					ticket_number: ticket,
					number_of_contacts: 3,
					total_cost: 0.15,
					residual_credit: 149.85,
				}),
			);
			const twice = await call('POST', '/voice-campaign-on-list/send', { ticket_number: ticket });
			expect(twice.status).toBe(400);
			expect(twice.body.errors.ticket_number.code).toBe(448);
		});

		test('the list fail-list ends failed and can never be sent', async () => {
			const created = await call('POST', '/voice-campaign-on-list/create', {
				list_name: 'fail-list',
				text: 'Hello',
			});
			await sleep(250);
			const status = await call(
				'GET',
				`/voice-campaign-on-list/status?ticket_number=${created.body.ticket_number}`,
			);
			expect(status.body.status).toBe('failed');
			const send = await call('POST', '/voice-campaign-on-list/send', {
				ticket_number: created.body.ticket_number,
			});
			expect(send.status).toBe(400);
			expect(send.body.errors.ticket_number.code).toBe(445);
		});

		test('a tag campaign is sent with POST /voice-campaign-on-tag/send', async () => {
			const created = await call('POST', '/voice-campaign-on-tag/create', {
				tag_name: 'sandbox-tag',
				text: 'Hello',
				get_back_pressed_keys: true,
				auto_remove_blacklisted_numbers: true,
			});
			expect(created.status).toBe(201);
			await sleep(250);
			const sent = await call('POST', '/voice-campaign-on-tag/send', {
				ticket_number: created.body.ticket_number,
			});
			expect(sent.status).toBe(200);
			expect(sent.body).toEqual(
				expect.objectContaining({
					ticket_number: created.body.ticket_number,
					number_of_contacts: 2,
				}),
			);
		});

		test('on a tag, with extra recipients; DELETE cancel → 204 and the ticket is gone', async () => {
			const created = await call('POST', '/voice-campaign-on-tag/create', {
				tag_name: 'sandbox-tag',
				text: 'Hello',
				recipients: [{ phone_number: '+33600000999' }],
			});
			expect(created.status).toBe(201);
			await sleep(250);
			expect(
				(
					await call(
						'GET',
						`/voice-campaign-on-list/status?ticket_number=${created.body.ticket_number}`,
					)
				).body.number_of_contacts,
			).toBe(3);
			const cancel = await call('DELETE', '/voice-campaign-on-list/cancel', {
				ticket_number: created.body.ticket_number,
			});
			expect(cancel.status).toBe(204);
			expect(cancel.body).toBeUndefined();
			const gone = await call(
				'GET',
				`/voice-campaign-on-list/status?ticket_number=${created.body.ticket_number}`,
			);
			expect(gone.status).toBe(400);
			expect(gone.body.errors.ticket_number.code).toBe(444);
		});
	});

	describe('account settings (campaign parameters)', () => {
		afterEach(() => {
			sandbox.octopush.settings = defaultSettings();
			for (const path of SETTINGS_READ_PATHS) sandbox.octopush.settingsReadPaths.add(path);
		});

		test('both documented GET paths show the whole settings; a path the account lacks answers 404', async () => {
			const user = await call('GET', '/user/campaign-parameters');
			expect(user.status).toBe(200);
			expect(Object.keys(user.body)).toEqual([
				'sms_campaign_alert_parameters',
				'campaign_parameters',
				'callbacks',
			]);
			expect(user.body.callbacks).toEqual({
				callback_url_for_inbounds: null,
				callback_url_for_deliveries: null,
				callback_url_for_blacklisted_numbers: null,
				callback_url_for_visits: null,
				email_for_inbounds: null,
			});
			expect((await call('GET', '/campaign/parameters')).body).toEqual(user.body);
			sandbox.octopush.settingsReadPaths.delete('/user/campaign-parameters');
			const gone = await call('GET', '/user/campaign-parameters');
			expect(gone.status).toBe(404);
			expect(gone.body).toEqual({
				code: 404,
				message: 'Not found.',
				errors: { path: expect.any(Object) },
			});
		});

		test('PATCH replaces each section it sends (a key left out is gone), keeps the sections it does not send', async () => {
			const before = (await call('GET', '/user/campaign-parameters')).body;
			const patched = await call('PATCH', '/user/campaign-parameters/edit', {
				callbacks: {
					callback_url_for_deliveries: 'https://hooks.example.com/dlr',
					callback_url_for_inbounds: '',
				},
			});
			expect(patched.status).toBe(200);
			expect(patched.body).toEqual({
				...before,
				callbacks: {
					callback_url_for_deliveries: 'https://hooks.example.com/dlr',
					callback_url_for_inbounds: null,
				},
			});
			expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(
				'https://hooks.example.com/dlr',
			);
			expect((await call('GET', '/user/campaign-parameters')).body).toEqual(patched.body);
		});

		test('PATCH accepts back every key a GET showed (documented or not), refuses unknown keys and bad URLs', async () => {
			sandbox.octopush.callbacks.some_newer_key = 'on';
			const whole = (await call('GET', '/user/campaign-parameters')).body;
			const again = await call('PATCH', '/user/campaign-parameters/edit', whole);
			expect(again.status).toBe(200);
			expect(again.body).toEqual(whole);
			const bad = await call('PATCH', '/user/campaign-parameters/edit', {
				callbacks: { callback_url_for_visits: 'ftp://x', misspelled_key: 'x' },
				extra: {},
			});
			expect(bad.status).toBe(400);
			expect(
				Object.fromEntries(
					Object.entries(bad.body.errors).map(([k, v]) => [k, (v as { code: number }).code]),
				),
			).toEqual({
				extra: 430,
				'callbacks.misspelled_key': 430,
				'callbacks.callback_url_for_visits': 447,
			});
		});
	});

	test('unknown Octopush path → 404 JSON in the failure shape', async () => {
		const res = await call('GET', '/nothing');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({
			code: 404,
			message: expect.any(String),
			errors: expect.any(Object),
		});
	});

	// https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ , …/delete-a-contact/ ,
	// …/create-a-contact-list/ , https://octopush-api.readme.io/reference/post_public_apicontact_listsempty ,
	// https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/
	test('contacts and lists: create, add with do_not_overwrite, delete from a list, empty, delete; the documented statuses', async () => {
		expect((await call('POST', '/contact-list/create', { list_name: 'crm' })).status).toBe(201);
		expect((await call('POST', '/contact-list/create', { list_name: 'crm' })).status).toBe(409);
		const add = await call('POST', '/contact/create', {
			list_name: 'crm',
			contacts: [
				{ phone_number: '+33612345678', first_name: 'Ada' },
				{ phone_number: '+33612345679' },
			],
		});
		expect(add.status).toBe(201);
		await call('POST', '/contact/create', {
			list_name: 'crm',
			do_not_overwrite: true,
			contacts: [{ phone_number: '+33612345678', first_name: 'Grace' }],
		});
		expect(sandbox.octopush.contacts.get('+33612345678')?.first_name).toBe('Ada');
		expect(sandbox.octopush.lists.get('crm')).toEqual(['+33612345678', '+33612345679']);

		const bad = await call('POST', '/contact/create', {
			list_name: 'crm',
			contacts: [{ phone_number: '0612' }],
		});
		expect(bad.status).toBe(400);
		expect(bad.body.errors['contacts.0.phone_number']).toBeDefined();

		const tooMany = await call('DELETE', '/contact/delete', {
			phone_numbers: Array.from({ length: 201 }, (_, i) => `+336100${String(i).padStart(5, '0')}`),
		});
		expect(tooMany.status).toBe(400);
		expect(
			(
				await call('DELETE', '/contact/delete', {
					list_name: 'crm',
					phone_numbers: ['+33612345679'],
				})
			).status,
		).toBe(204);
		expect(sandbox.octopush.lists.get('crm')).toEqual(['+33612345678']);
		expect(
			(
				await call('DELETE', '/contact/delete', {
					list_name: 'nope',
					phone_numbers: ['+33612345679'],
				})
			).status,
		).toBe(404);

		expect((await call('POST', '/contact-list/empty', { list_name: 'crm' })).status).toBe(204);
		expect(sandbox.octopush.lists.get('crm')).toEqual([]);
		expect(sandbox.octopush.contacts.has('+33612345678')).toBe(true);
		expect((await call('POST', '/contact-list/empty', { list_name: 'nope' })).status).toBe(404);
		expect((await call('DELETE', '/contact-list/delete', { list_name: 'crm' })).status).toBe(204);
		expect(sandbox.octopush.lists.has('crm')).toBe(false);
		expect((await call('DELETE', '/contact-list/delete', { list_name: 'crm' })).status).toBe(404);
		expect((await call('POST', '/contact-list/delete', { list_name: 'crm' })).status).toBe(405);
	});
});
