// Date-times in real n8n. The nodes convert them with Luxon, which the package does not ship (no runtime
// dependencies): n8n's own copy must resolve in the installed layout, as zod does. A Scheduled Date / Send At
// typed without an offset is read in the workflow's time zone and reaches the provider with its offset; a
// Luxon DateTime from an expression keeps its own.

import { DateTime } from 'luxon';

import type { Sandbox } from '../sandbox';
import { loadExamples, outputOf, type N8n, type WorkflowJson } from './n8n';

const YEAR = new Date().getUTCFullYear() + 1;
// Europe/Paris puts its clocks back on the last Sunday of October at 03:00: 02:30 happens twice that night.
const october31 = DateTime.fromObject({ year: YEAR, month: 10, day: 31 }, { zone: 'Europe/Paris' });
const CLOCKS_BACK = october31.minus({ days: october31.weekday % 7 }).toFormat('yyyy-MM-dd');

interface DateCase {
	title: string;
	id: string;
	example: string;
	/** The node option that holds the date, and the body field the provider receives it in. */
	option: string;
	field: string;
	timezone: string;
	value: string;
	expected: string;
}

const CASES: DateCase[] = [
	{
		title: 'Routee SMS campaign, Scheduled Date typed without offset in summer',
		id: 'e2edatesroutee01',
		example: 'routee-sms-campaign.json',
		option: 'scheduledDate',
		field: 'scheduledDate',
		timezone: 'Europe/Paris',
		value: `${YEAR}-07-01 09:30:00`,
		expected: `${YEAR}-07-01T09:30:00+02:00`,
	},
	{
		title:
			'Routee SMS campaign, Scheduled Date on the night clocks go back (02:30 twice: the first)',
		id: 'e2edatesroutee02',
		example: 'routee-sms-campaign.json',
		option: 'scheduledDate',
		field: 'scheduledDate',
		timezone: 'Europe/Paris',
		value: `${CLOCKS_BACK}T02:30`,
		expected: `${CLOCKS_BACK}T02:30:00+02:00`,
	},
	{
		title:
			'Routee SMS campaign, Scheduled Date from an expression giving a Luxon DateTime in another zone',
		id: 'e2edatesroutee03',
		example: 'routee-sms-campaign.json',
		option: 'scheduledDate',
		field: 'scheduledDate',
		timezone: 'America/New_York',
		value: `={{ DateTime.fromObject({ year: ${YEAR}, month: 12, day: 1, hour: 9, minute: 30 }, { zone: 'Asia/Kathmandu' }) }}`,
		expected: `${YEAR}-12-01T09:30:00+05:45`,
	},
	{
		title: 'Octopush SMS campaign, Send At typed without offset',
		id: 'e2edatesoctopus1',
		example: 'octopush-sms-campaign.json',
		option: 'sendAt',
		field: 'send_at',
		timezone: 'America/St_Johns',
		value: `${YEAR}-01-15 09:30:00`,
		expected: `${YEAR}-01-15T09:30:00-03:30`,
	},
];

/** The example's workflow under a new id, its node's option set and the workflow's time zone. */
function variantOf(workflow: WorkflowJson, node: string, date: DateCase): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const target = copy.nodes.find((n) => n.name === node)!;
	const parameters = target.parameters as { options: Record<string, unknown> };
	parameters.options = { ...parameters.options, [date.option]: date.value };
	// Routee refuses a second campaign with the same name (the examples name theirs by the second)
	if ('campaignName' in parameters.options) parameters.options.campaignName = date.id;
	return {
		...copy,
		id: date.id,
		name: `${copy.name} (${date.title})`,
		settings: { ...copy.settings, timezone: date.timezone },
	};
}

export function registerDateTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	describe('scheduled dates (Luxon from n8n itself): the provider receives the date with its offset', () => {
		beforeAll(async () => {
			const { n8n } = context();
			const examples = await loadExamples();
			await n8n.importWorkflows(
				CASES.map((date) => {
					const example = examples.find((e) => e.file === date.example);
					if (!example) throw new Error(`examples/${date.example} is missing`);
					return variantOf(example.workflow, nodeOf(date), date);
				}),
			);
		}, 120000);

		test.each(CASES)(
			'$title ($value in $timezone) → $field $expected',
			async (date) => {
				const { n8n, sandbox } = context();
				const run = await n8n.execute(date.id);
				expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
					status: 'success',
					error: undefined,
				});
				const sent = sandbox.requests.filter(
					(r) =>
						r.method === 'POST' &&
						typeof r.body === 'object' &&
						r.body !== null &&
						date.field in r.body,
				);
				expect(sent.map((r) => (r.body as Record<string, unknown>)[date.field])).toEqual([
					date.expected,
				]);
				expect(outputOf(run, nodeOf(date))).toHaveLength(1);
			},
			120000,
		);
	});
}

function nodeOf(date: DateCase): string {
	return date.example.startsWith('routee') ? 'Routee' : 'Octopush';
}
