import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { modeField } from '../../../shared/fields';
import { asNodeError, executeJobs, type Operation } from '../../../shared/action/execute';
import {
	autoRemoveBlacklistedOption,
	getBackPressedKeysOption,
	optionsField,
	recipientFields,
	senderField,
	voiceFields,
	voiceOptionFields,
	voiceTextField,
	type Mode,
	readCommonFields,
	readRecipients,
} from '../../helpers/fields';
import { requestIds } from '../../helpers/frames';
import { applyMissingValues, missingValuesOf } from '../../helpers/placeholders';
import { invalid, failureKindOf } from '../../../shared/http';
import { assertBody, voiceListCreateBody, voiceTagCreateBody } from '../../transport/contract';
import { LIST_STATUS, octopushRequest, withTicketNumber } from '../../transport';
import {
	assertListCampaignWithinToolLimit,
	assertReady,
	fetchListStatus,
	sendListCampaign,
	type Target,
} from '../../helpers/tickets';
import {
	toolMaxRecipientsField,
	toolOnlyFromVersion2,
	toolRecipientLimit,
} from '../../../shared/action/tool-limit';

const TARGETS = {
	list: {
		path: '/voice-campaign-on-list/create',
		field: 'list_name',
		parameter: 'listName',
		schema: voiceListCreateBody,
	},
	tag: {
		path: '/voice-campaign-on-tag/create',
		field: 'tag_name',
		parameter: 'tagName',
		schema: voiceTagCreateBody,
	},
} as const;

const description: INodeProperties[] = [
	modeField,
	{
		displayName: 'Target',
		name: 'target',
		type: 'options',
		options: [
			{
				name: 'Contact List',
				value: 'list',
				description: 'The contacts of an Octopush contact list',
			},
			{ name: 'Tag', value: 'tag', description: 'The contacts carrying an Octopush tag' },
		],
		default: 'list',
	},
	{
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		description:
			"Name of the Octopush contact list the campaign is for (fill it with Contact → Create or Update). Octopush's API has no way to list your lists, so type the name as it is in the Octopush app.",
		displayOptions: { show: { target: ['list'] } },
	},
	{
		displayName: 'Tag Name',
		name: 'tagName',
		type: 'string',
		required: true,
		default: '',
		description:
			"Name of the Octopush tag whose contacts the campaign is for. Octopush's API has no way to list your tags, so type the name as it is in the Octopush app.",
		displayOptions: { show: { target: ['tag'] } },
	},
	senderField,
	...recipientFields(true),
	voiceTextField,
	...voiceFields,
	{
		displayName: 'Wait Until Ready, Then Send',
		name: 'waitAndSend',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until Octopush has prepared the campaign and then send it. Otherwise the campaign waits for Send.',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'How often to ask Octopush whether the campaign is ready',
		displayOptions: { show: { waitAndSend: [true] } },
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description:
			'How long to wait for the campaign to be ready before failing (the campaign is then left unsent)',
		displayOptions: { show: { waitAndSend: [true] } },
	},
	{
		...toolMaxRecipientsField,
		// only a campaign this operation also sends is bounded: without Wait Until Ready, Then Send, Send bounds it
		displayOptions: { show: { ...toolOnlyFromVersion2.show, waitAndSend: [true] } },
	},
	optionsField([getBackPressedKeysOption, autoRemoveBlacklistedOption], false),
];

interface Planned {
	leadItem: number;
	target: Target;
	path: string;
	body: IDataObject;
	wait?: { intervalMs: number; timeoutMs: number };
	/** Recipients without a value for a placeholder the text uses (see placeholders.ts), for the output. */
	counts?: IDataObject;
}

/**
 * POST /voice-campaign-on-list/create (or on-tag): Octopush prepares the campaign asynchronously and
 * answers its ticket; optionally wait for `ready_to_be_sent` and send it.
 */
export const create: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// a tool has no Mode (hidden, see modeField): n8n then holds no value, and one campaign per item is meant
		const mode = this.getNodeParameter('mode', 0, 'perItem') as Mode;
		// as a tool, a campaign this call also sends: the recipients listed here are counted before Create (they are
		// all in the campaign), then the whole list or tag as Octopush counts it, before the send
		const limit = toolRecipientLimit(this);
		return await executeJobs(this, items, {
			mode,
			plan: ({ leadItem }) => plan(this, items, mode, leadItem),
			run: async (campaign) => await run(this, campaign, limit),
			recipients: (campaign) =>
				campaign.wait === undefined ? 0 : (campaign.body.recipients as unknown[]).length,
		});
	},
};

function plan(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	mode: Mode,
	leadItem: number,
): Planned {
	const targetName = context.getNodeParameter('target', leadItem) as Target;
	const target = TARGETS[targetName];
	if (target === undefined)
		throw invalid(context, { itemIndex: leadItem }, 'Target', 'must be list or tag');
	const options = context.getNodeParameter('options', leadItem, {}) as IDataObject;
	const text = context.getNodeParameter('text', leadItem, '') as string;
	const { recipients, counts } = applyMissingValues(
		context,
		leadItem,
		String(text ?? ''),
		readRecipients(context, items, mode, leadItem),
		missingValuesOf(context, options),
		false,
	);
	const [requestId] = requestIds(
		context,
		String(options.requestId ?? '').trim(),
		mode === 'allItems' ? 'all' : `item${leadItem}`,
		1,
	);
	const body: IDataObject = {
		[target.field]: String(context.getNodeParameter(target.parameter, leadItem, '') ?? '').trim(),
		text,
		recipients: recipients.contacts,
		voice_language: context.getNodeParameter('voiceLanguage', leadItem) as string,
		voice_gender: context.getNodeParameter('voiceGender', leadItem) as string,
		...readCommonFields(context, leadItem),
		...voiceOptionFields(options),
		request_id: requestId,
	};
	assertBody(context, target.schema, body, leadItem, recipients.sourceOf);
	if (!(context.getNodeParameter('waitAndSend', leadItem, false) as boolean)) {
		return { leadItem, target: targetName, path: target.path, body, counts };
	}
	const seconds = (name: string, label: string): number => {
		const value = context.getNodeParameter(name, leadItem) as unknown;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
			throw invalid(
				context,
				{ itemIndex: leadItem },
				label,
				`must be a number of seconds of at least 1, got ${JSON.stringify(value)}`,
			);
		}
		return value * 1000;
	};
	const wait = {
		intervalMs: seconds('pollInterval', 'Poll Interval (Seconds)'),
		timeoutMs: seconds('timeout', 'Timeout (Seconds)'),
	};
	return { leadItem, target: targetName, path: target.path, body, wait, counts };
}

async function run(
	context: IExecuteFunctions,
	campaign: Planned,
	limit: number | undefined,
): Promise<IDataObject> {
	const { leadItem, body } = campaign;
	let created: IDataObject;
	try {
		created = withTicketNumber(
			await octopushRequest(context, 'POST', campaign.path, leadItem, body),
		);
	} catch (error) {
		if (failureKindOf(error) !== 'duplicate') throw asNodeError(context, error as Error, leadItem);
		return {
			request_id: body.request_id,
			target: campaign.target,
			already_created: true,
			message:
				"Octopush refused the request ID as a duplicate: an earlier run of this execution already created this campaign, so it was not created (or sent) again. Its ticket is in that run's output.",
		};
	}
	// `target` says which Send endpoint the ticket needs (on-list or on-tag): map it into Send's Target
	const result: IDataObject = {
		...created,
		request_id: body.request_id,
		target: campaign.target,
		...campaign.counts,
	};
	if (campaign.wait === undefined) return result;

	const ticket = String(created.ticket_number ?? '');
	const status = await waitUntilReady(context, ticket, leadItem, campaign.wait);
	assertListCampaignWithinToolLimit(context, status, leadItem, limit, true);
	const sent = await sendListCampaign(context, ticket, leadItem, campaign.target);
	return { ...result, ...status, sent: true, send_response: sent };
}

async function waitUntilReady(
	context: IExecuteFunctions,
	ticket: string,
	itemIndex: number,
	{ intervalMs, timeoutMs }: { intervalMs: number; timeoutMs: number },
): Promise<IDataObject> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const status = await fetchListStatus(context, ticket, itemIndex);
		if (status.status === LIST_STATUS.ready || status.status === LIST_STATUS.failed) {
			assertReady(context, status, itemIndex);
			return status;
		}
		if (Date.now() + intervalMs > deadline) {
			throw new NodeOperationError(
				context.getNode(),
				`Voice list campaign ${ticket} was not ready after ${timeoutMs / 1000} seconds, so it was not sent [item ${itemIndex}]`,
				{
					itemIndex,
					description: `Its status is still "${String(status.status)}": Octopush is still preparing it. Send it later with Voice List Campaign → Send, delete it with Delete, or raise the timeout.`,
				},
			);
		}
		await sleep(intervalMs);
	}
}
