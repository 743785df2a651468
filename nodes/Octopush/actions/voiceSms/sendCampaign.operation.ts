import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { modeField } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import { executeFramedSend, type FramedSend } from '../../helpers/frames';
import {
	autoRemoveBlacklistedOption,
	getBackPressedKeysOption,
	optionsField,
	recipientFields,
	senderField,
	voiceFields,
	voiceOptionFields,
	voiceTextField,
	readCommonFields,
} from '../../helpers/fields';
import { VOICE_SMS_TYPE, voiceCampaignSendBody } from '../../transport/contract';

const description: INodeProperties[] = [
	modeField,
	senderField,
	...recipientFields(),
	toolMaxRecipientsField,
	voiceTextField,
	...voiceFields,
	optionsField(
		[
			{
				displayName: 'Auto Delete Opt-Out Contacts',
				name: 'autoDeleteOptoutContacts',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out the recipients who opted out, instead of refusing the campaign',
			},
			getBackPressedKeysOption,
			autoRemoveBlacklistedOption,
		],
		true,
	),
];

/** POST /voice-campaign/send (https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/): a voice message read to each recipient, in frames of at most 500. */
const send: FramedSend = {
	path: '/voice-campaign/send',
	schema: voiceCampaignSendBody,
	totals: ['number_of_contacts', 'total_cost'],
	readBody(context, itemIndex) {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			text: context.getNodeParameter('text', itemIndex, '') as string,
			type: VOICE_SMS_TYPE,
			voice_language: context.getNodeParameter('voiceLanguage', itemIndex) as string,
			voice_gender: context.getNodeParameter('voiceGender', itemIndex) as string,
			...readCommonFields(context, itemIndex),
		};
		if (options.autoDeleteOptoutContacts !== undefined) {
			body.auto_delete_optout_contacts = options.autoDeleteOptoutContacts;
		}
		return { ...body, ...voiceOptionFields(options) };
	},
};

export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeFramedSend(this, items, send);
	},
};
