import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { assertBody } from '../../transport/contract';
import { executeCalls } from '../../helpers/contacts';
import { groupBody, SEARCH_OPERATORS } from '../../transport/contacts-contract';

/** POST /groups/my (https://docs.routee.net/reference/create-a-new-group): name, strategy, filters. */
export const create: Operation = {
	description: [
		{
			displayName: 'Name',
			name: 'groupName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. customers',
			description: 'The name of the new group: 2 to 30 characters, unique in the Routee account',
		},
		{
			displayName: 'Contacts',
			name: 'strategy',
			type: 'options',
			options: [
				{
					name: 'None (Empty Group)',
					value: 'None',
					description: 'Fill it with Group → Add Contacts',
				},
				{
					name: 'All Contacts of the Account',
					value: 'All',
				},
				{
					name: 'Contacts Matching Filters',
					value: 'Filtered',
					description: 'The contacts whose fields match every filter below, at creation',
				},
			],
			default: 'None',
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add filter',
			default: {},
			displayOptions: { show: { strategy: ['Filtered'] } },
			options: [
				{
					displayName: 'Filter',
					name: 'filter',
					values: [
						{
							displayName: 'Field Name',
							name: 'fieldName',
							type: 'string',
							default: '',
							placeholder: 'e.g. lastName',
							description:
								'A contact field (firstName, lastName, mobile, email, country, vip) or a label name',
						},
						{
							displayName: 'Operator',
							name: 'searchOperator',
							type: 'options',
							options: SEARCH_OPERATORS.map((value) => ({
								name: value.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()),
								value,
							})),
							default: 'is',
						},
						{ displayName: 'Value', name: 'searchTerm', type: 'string', default: '' },
					],
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => {
				const strategy = this.getNodeParameter('strategy', itemIndex, 'None') as string;
				const body: IDataObject = {
					name: String(this.getNodeParameter('groupName', itemIndex, '') ?? '').trim(),
					strategy,
				};
				if (strategy === 'Filtered') {
					const filters = this.getNodeParameter('filters', itemIndex, {}) as {
						filter?: IDataObject[];
					};
					body.filters = (filters.filter ?? []).map(
						({ fieldName, searchOperator, searchTerm }) => ({
							fieldName: typeof fieldName === 'string' ? fieldName.trim() : fieldName,
							searchOperator,
							searchTerm: searchTerm === undefined ? '' : String(searchTerm),
						}),
					);
				}
				return {
					method: 'POST',
					path: '/groups/my',
					body: assertBody(this, groupBody, body, itemIndex, { name: 'groupName' }) as IDataObject,
				};
			},
			{ describe: (call) => `group "${String((call.body as IDataObject).name)}" created` },
		);
	},
};
