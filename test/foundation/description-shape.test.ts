// Saved workflows keep working: the parameters of both action nodes, as a version-1 node in a workflow (not a
// tool) has them, are those of the committed description-shape.json, texts aside. Descriptions, actions and hints
// may be reworded (the tool descriptions an agent reads are built from them); names, types, defaults, options'
// values and display conditions may not change. Parameters shown only in the tool variant (`@tool`) are left out.
// After a deliberate change (a new parameter a version-1 node shows is not one): UPDATE_DESCRIPTION_SHAPE=1, then
// `npx prettier --write` on the file.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Octopush } from '../../nodes/Octopush/Octopush.node';
import { Routee } from '../../nodes/Routee/Routee.node';

const FILE = path.join(__dirname, 'description-shape.json');
/** Texts that may be reworded: they are not saved in a workflow and change no value. */
const TEXTS = new Set(['description', 'action', 'hint']);

function withoutTexts(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutTexts);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([key]) => !TEXTS.has(key))
			.map(([key, inner]) => [key, withoutTexts(inner)]),
	);
}

const toolOnly = (property: INodeProperties) =>
	(property.displayOptions?.show?.['@tool'] as unknown[] | undefined)?.includes(true) === true;

function shapeOf(description: INodeTypeDescription) {
	return {
		name: description.name,
		version: description.version,
		properties: withoutTexts(description.properties.filter((property) => !toolOnly(property))),
	};
}

const shapes = () => ({
	routee: shapeOf(new Routee().description),
	octopush: shapeOf(new Octopush().description),
});

test('the parameters of Routee and Octopush are unchanged for a node in a workflow, texts aside', () => {
	if (process.env.UPDATE_DESCRIPTION_SHAPE === '1')
		writeFileSync(FILE, `${JSON.stringify(shapes(), null, '\t')}\n`);
	expect(JSON.parse(JSON.stringify(shapes()))).toEqual(JSON.parse(readFileSync(FILE, 'utf8')));
});
