import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { assertBody } from '../../transport/contract';
import { executeCalls } from '../../helpers/contacts';
import { labelsBody } from '../../transport/contacts-contract';

/** POST /contacts/labels/my with [{name, type}] (https://docs.routee.net/reference/create-labels): one label per item. */
export const create: Operation = {
	description: [
		{
			displayName: 'Name',
			name: 'labelName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. company',
			description:
				"Latin letters and digits only. A campaign writes the contact's value into its text with [~name].",
		},
		{
			displayName: 'Type',
			name: 'labelType',
			type: 'options',
			options: [
				{ name: 'Text', value: 'Text' },
				{
					name: 'Number',
					value: 'Number',
					description: 'Routee then accepts only numbers as its values',
				},
			],
			default: 'Text',
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'POST',
				path: '/contacts/labels/my',
				body: assertBody(
					this,
					labelsBody,
					[
						{
							name: String(this.getNodeParameter('labelName', itemIndex, '') ?? '').trim(),
							type: this.getNodeParameter('labelType', itemIndex, 'Text'),
						},
					],
					itemIndex,
					{ '0.name': 'labelName', '0.type': 'labelType' },
				) as unknown[],
			}),
			{
				describe: (call) =>
					`label "${String((call.body as Array<{ name: string }>)[0].name)}" created`,
			},
		);
	},
};
