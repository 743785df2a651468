// Lint with exactly the rule set n8n's verification scanner applies to a community package
// (@n8n/scan-community-package buildScanConfig), on the files it lints: package.json, nodes/, credentials/.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{
		ignores: ['**/*', '!package.json', '!nodes/', '!nodes/**', '!credentials/', '!credentials/**'],
	},
	...(await buildScanConfig()),
];
