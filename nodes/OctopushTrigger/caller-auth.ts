import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	readCallerAuthSettings,
	type CallerAuthSettings,
	type GeneratedSecret,
} from '../shared/trigger/webhook-auth';

/** The secret of 'Generated Secret in URL': derived from the API key of the credential that registers the URL. */
const GENERATED_FROM: GeneratedSecret = { credentialType: 'octopushApi', field: 'apiKey' };

/**
 * How the Octopush Trigger authenticates callers, read for activation, registration and every callback. A secret
 * is generated only for a URL the trigger registers itself (Automatic registration).
 */
export async function octopushCallerAuth(
	context: IHookFunctions | IWebhookFunctions,
): Promise<CallerAuthSettings> {
	const registersItself = context.getNodeParameter('registration', 'automatic') === 'automatic';
	return await readCallerAuthSettings(context, registersItself ? GENERATED_FROM : undefined);
}
