// n8n's own HTTP Request node (from the n8n-nodes-base of the real n8n the e2e suite caches under
// .cache/n8n/<version>/), served next to our package to the harness's engine, so that "the workflow a
// user would otherwise build" runs in the same engine as our node.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { IVersionedNodeType } from 'n8n-workflow';

import { Harness, PACKAGE_DIR } from '../../test/harness';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
const CACHE = path.join(PACKAGE_DIR, '.cache', 'n8n');

export interface CachedNodesBase {
	n8nVersion: string;
	nodesBaseVersion: string;
	dir: string;
}

/** The newest cached real n8n install that has n8n-nodes-base, or why there is none. */
export function findNodesBase(): CachedNodesBase | { missing: string } {
	if (!existsSync(CACHE))
		return {
			missing: `no real n8n install cached under ${path.relative(PACKAGE_DIR, CACHE)} (run node scripts/n8n/install.mjs)`,
		};
	const versions = readdirSync(CACHE)
		.filter((v) =>
			existsSync(path.join(CACHE, v, 'node_modules', 'n8n-nodes-base', 'package.json')),
		)
		.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
	if (versions.length === 0)
		return {
			missing: `no cached n8n install under ${path.relative(PACKAGE_DIR, CACHE)} contains n8n-nodes-base`,
		};
	const dir = path.join(CACHE, versions[0], 'node_modules', 'n8n-nodes-base');
	const { version } = require(path.join(dir, 'package.json')) as { version: string };
	return { n8nVersion: versions[0], nodesBaseVersion: version, dir };
}

/** A harness whose engine knows our nodes and n8n's HTTP Request node. */
export async function harnessWithHttpRequest(nodesBase: CachedNodesBase): Promise<Harness> {
	const { HttpRequest } = require(
		path.join(nodesBase.dir, 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js'),
	) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	return await Harness.create({ extraNodeTypes: { [HTTP_REQUEST_TYPE]: new HttpRequest() } });
}
