import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a trigger's callback URL carries as `?token=…`. Neither Routee nor Octopush signs its
 * callbacks, so this secret is what tells the trigger that a call comes from the URL you gave the provider.
 * Kept in a credential (encrypted by n8n) rather than a node parameter, so it never travels in an exported
 * or copied workflow. It authenticates nothing outbound: the triggers' credential test (testedBy) checks
 * that the value can be pasted into a URL as it is.
 */
export class RouteeOctopushCallbackSecretApi implements ICredentialType {
	name = 'routeeOctopushCallbackSecretApi';

	displayName = 'Routee/Octopush Callback Secret API';

	icon: Icon = { light: 'file:../icons/routee.svg', dark: 'file:../icons/routee.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-routee-octopush/n8n-nodes-routee-octopush#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A long random value (at least 16 letters, digits, - . _ or ~). The callback URL carries it as ?token=YOUR_SECRET.',
		},
	];
}
