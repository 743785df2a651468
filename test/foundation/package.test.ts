import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_DIR, PackageTypes } from '../harness';

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));

describe('package as n8n loads it', () => {
	let types: PackageTypes;
	beforeAll(async () => {
		types = await PackageTypes.load();
	});

	test('n8n registers the three credentials and every node listed in package.json', () => {
		expect(types.credentialTypeNames.sort()).toEqual([
			'octopushApi',
			'routeeOAuth2Api',
			'routeeOctopushCallbackSecretApi',
		]);
		const listed = (packageJson.n8n.nodes as string[]).map((file) =>
			path.basename(file, '.node.js').replace(/^./, (c) => c.toLowerCase()),
		);
		expect(types.nodeTypeNames.sort()).toEqual(
			listed.map((name) => `n8n-nodes-routee-octopush.${name}`).sort(),
		);
	});

	test('every file n8n is told to load exists in dist/, with its icons', () => {
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
			expect(existsSync(path.join(PACKAGE_DIR, file))).toBe(true);
		}
		for (const icon of ['routee.svg', 'routee.dark.svg', 'octopush.svg', 'octopush.dark.svg']) {
			expect(existsSync(path.join(PACKAGE_DIR, 'dist/icons', icon))).toBe(true);
		}
	});

	test('community package rules: no runtime dependencies, n8n-workflow as the only peer', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.n8n.strict).toBe(true);
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.files).toEqual(['dist']);
	});

	test('action nodes are usable as tools, triggers are not', () => {
		for (const name of types.nodeTypeNames) {
			const description = types.getByNameAndVersion(name).description;
			const isTrigger = description.group.includes('trigger');
			expect({ name, usableAsTool: description.usableAsTool === true }).toEqual({
				name,
				usableAsTool: !isTrigger,
			});
		}
	});

	test('the examples show the nodes at the version a user adds today (their default version)', () => {
		const examples = path.join(PACKAGE_DIR, 'examples');
		const seen: string[] = [];
		for (const file of readdirSync(examples).filter((name) => name.endsWith('.json'))) {
			const workflow = JSON.parse(readFileSync(path.join(examples, file), 'utf8')) as {
				nodes: Array<{ name: string; type: string; typeVersion: number }>;
			};
			for (const node of workflow.nodes.filter((n) =>
				n.type.startsWith('n8n-nodes-routee-octopush.'),
			)) {
				const description = types.getByNameAndVersion(node.type).description;
				expect({ file, node: node.name, typeVersion: node.typeVersion }).toEqual({
					file,
					node: node.name,
					typeVersion: description.defaultVersion,
				});
				seen.push(node.type);
			}
		}
		expect(new Set(seen).size).toBe(4);
	});
});
