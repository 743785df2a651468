import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalid } from '../http';

/*
 * The bound on what one call of an AI agent may send. n8n turns every `usableAsTool` node into a "<Node> Tool"
 * variant (type `<package>.<name>Tool`) that a model calls with values it chose: one hallucinated call of a campaign
 * operation could otherwise text or call thousands of people. From node version 2 the tool variant of each mass-send
 * operation has Max Recipients per Tool Call, and a call addressing more recipients is refused before any request
 * that sends (a version-1 tool node, and every node in a workflow, send as before).
 */

const LABEL = 'Max Recipients per Tool Call';
const DEFAULT_LIMIT = 10;

/** Shown only in the tool variant (`@tool`, see n8n-workflow's displayParameter) and only from version 2. */
export const toolOnlyFromVersion2 = {
	show: { '@tool': [true], '@version': [{ _cnd: { gte: 2 } }] },
};

export const toolMaxRecipientsField: INodeProperties = {
	displayName: LABEL,
	name: 'toolMaxRecipients',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_LIMIT,
	description:
		'The most recipients one call of the AI agent may send to. A call addressing more is refused with an error the agent sees, and nothing is sent. Send larger campaigns from a workflow (the node, not its tool).',
	displayOptions: toolOnlyFromVersion2,
};

/** Whether the node runs as n8n's tool variant: the last segment of its type ends with `Tool` (as n8n's isToolType reads it). */
export function isToolNode(context: IExecuteFunctions): boolean {
	const type = context.getNode().type;
	return (type.split('.').pop() ?? '').endsWith('Tool');
}

/**
 * Max Recipients per Tool Call when the node is the tool variant at version 2 or later; undefined otherwise (no
 * limit: the parameter does not exist there). Read once from the first item: the limit is on the whole call.
 */
export function toolRecipientLimit(context: IExecuteFunctions): number | undefined {
	if (!isToolNode(context) || context.getNode().typeVersion < 2) return undefined;
	const value = context.getNodeParameter('toolMaxRecipients', 0, DEFAULT_LIMIT) as unknown;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw invalid(
			context,
			0,
			LABEL,
			`must be a whole number of at least 1, got ${JSON.stringify(value)}`,
		);
	}
	return value;
}

/** What the user (and the agent, which reads the description) can do about a refusal. */
function fix(limit: number, first = ''): string {
	return `Nothing was sent. This tool may address at most ${limit} recipient${limit === 1 ? '' : 's'} per call: ${first}raise ${LABEL} on the tool node, or send the campaign from a workflow with the node itself (not its Tool variant), where no such limit applies.`;
}

/** The refusal of a call that addresses `count` recipients when `limit` are allowed. */
export function tooManyRecipients(
	context: IExecuteFunctions,
	itemIndex: number,
	count: number,
	limit: number,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`This tool call addresses ${count} recipients, more than ${LABEL} (${limit}) [item ${itemIndex}]`,
		{ itemIndex, description: fix(limit) },
	);
}

/**
 * The refusal of recipients the node cannot count before sending (e.g. a contact group: only the provider knows its
 * size when it sends). `what` names them as the panel does ("Groups"), `why` says why they cannot be counted.
 */
export function uncountableRecipients(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	why: string,
	limit: number,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${what} cannot be used when this node is an AI agent's tool [item ${itemIndex}]`,
		{
			itemIndex,
			description: `${why}, so ${LABEL} (${limit}) cannot be checked. ${fix(limit, 'give phone numbers instead, ')}`,
		},
	);
}

/** Throws the refusal when `count` recipients are past the limit (no limit: nothing to check). */
export function assertToolRecipients(
	context: IExecuteFunctions,
	limit: number | undefined,
	count: number,
	itemIndex: number,
): void {
	if (limit !== undefined && count > limit)
		throw tooManyRecipients(context, itemIndex, count, limit);
}
