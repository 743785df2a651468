import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, SandboxOptions } from '../sandbox';
import { startNodeTestbed, type Testbed } from '../support/testbed';

export interface RouteeTestbed extends Testbed {
	/** Requests the Routee resource API received (token requests excluded). */
	received(method?: string, path?: string): RecordedRequest[];
	/** Token requests the sandbox received. */
	tokenRequests(): RecordedRequest[];
}

let credentials = 0;

export async function startTestbed(options: SandboxOptions = {}): Promise<RouteeTestbed> {
	const testbed = await startNodeTestbed(
		{
			node: 'routee',
			credentialType: 'routeeOAuth2Api',
			credentialData: (sandbox) => ({
				applicationId: 'sandbox-app',
				applicationSecret: 'sandbox-secret',
				baseUrl: sandbox.routeeBaseUrl,
				tokenUrl: sandbox.routeeTokenUrl,
			}),
			credentialId: `routee-test-${++credentials}`,
		},
		options,
	);
	const { sandbox } = testbed;
	return {
		...testbed,
		received: (method, path) =>
			sandbox
				.requestsTo('routee', method)
				.filter((request) => path === undefined || request.path === path),
		tokenRequests: () => sandbox.requestsTo('routee-auth'),
	};
}

/** A date-time one day ahead as n8n's date-time field holds it (no offset: read in the workflow's time zone). */
export function tomorrowLocal(): string {
	const date = new Date(Date.now() + 86_400_000);
	return date.toISOString().slice(0, 19);
}

export const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({
	json: json as never,
});

/** The recipient the parameter builders below send to. */
export const PHONE = '+306948530920';

/** Voice → Send Campaign parameters that Routee accepts, with `overrides` on top. */
export const voiceCampaign = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voice',
	operation: 'sendCampaign',
	from: '+306948530900',
	text: 'Hello',
	to: PHONE,
	...overrides,
});

/** SMS → Send Campaign parameters that Routee accepts, with `overrides` on top. */
export const smsCampaign = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendCampaign',
	from: 'MyShop',
	body: 'Hello',
	to: PHONE,
	...overrides,
});

/** SMS → Send (one message per item) parameters that Routee accepts, with `overrides` on top. */
export const sms = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	from: 'MyShop',
	to: PHONE,
	body: 'Hello',
	...overrides,
});
