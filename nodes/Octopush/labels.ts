import { fieldLabels } from '../shared/action/field-labels';
import { accountDescription } from './actions/account';
import { smsDescription } from './actions/sms';
import { voiceListCampaignDescription } from './actions/voiceListCampaign';
import { voiceSmsDescription } from './actions/voiceSms';

/** Body fields whose panel field is not simply the body name in camelCase. */
const FIELD_OF_BODY_KEY: Record<string, string> = {
	type: 'smsType',
};

// read on first use: the operations that report errors are loaded by the same descriptions
let labels: Map<string, string> | undefined;

/**
 * The UI name of an Octopush body field (`send_at` → "Send At", `first_name` → "First Name"), for our
 * validation errors and Octopush's; undefined when no field of the panel sets it.
 */
export function labelOf(bodyKey: string): string | undefined {
	labels ??= fieldLabels([
		...voiceSmsDescription,
		...voiceListCampaignDescription,
		...smsDescription,
		...accountDescription,
	]);
	return labels.get(
		FIELD_OF_BODY_KEY[bodyKey] ??
			bodyKey.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
	);
}
