// The architecture rules of nodes/ (CONTRIBUTING.md), checked by `npm run lint` (`npm run lint:imports`):
// no import circle; imports only go down (<Provider>.node.ts → actions/ → helpers/ → transport/, and
// nodes/shared/ below every node); an operation file is imported only by its resource's index.ts.
const PROVIDER = '^nodes/(Routee|Octopush)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'An import circle: every file of the circle loads the others.',
			from: {},
			to: { circular: true },
		},
		{
			name: 'operation-only-from-its-index',
			severity: 'error',
			comment:
				"An <op>.operation.ts is imported only by its resource's index.ts; code that two operations share lives in helpers/ or transport/.",
			from: { pathNot: '^nodes/[^/]+/actions/[^/]+/index\\.ts$' },
			to: { path: '\\.operation\\.ts$' },
		},
		{
			name: 'operation-from-another-resource',
			severity: 'error',
			comment: "A resource's index.ts imports only its own operations.",
			from: { path: '^nodes/([^/]+)/actions/([^/]+)/index\\.ts$' },
			to: { path: '\\.operation\\.ts$', pathNot: '^nodes/$1/actions/$2/' },
		},
		{
			name: 'actions-not-up',
			severity: 'error',
			comment: 'actions/ imports helpers/, transport/ and the shared kits, never the node file.',
			from: { path: `${PROVIDER}actions/` },
			to: { path: '^nodes/$1/[^/]+\\.node\\.ts$' },
		},
		{
			name: 'helpers-not-up',
			severity: 'error',
			comment:
				'helpers/ imports transport/ and the shared kits, never actions/, methods/ or the node file.',
			from: { path: `${PROVIDER}helpers/` },
			to: { path: '^nodes/$1/(actions/|methods/|[^/]+\\.node\\.ts$)' },
		},
		{
			name: 'methods-not-up',
			severity: 'error',
			comment:
				"methods/ (the editor's pick lists) imports transport/ and the shared kits, never actions/, helpers/ or the node file.",
			from: { path: `${PROVIDER}methods/` },
			to: { path: '^nodes/$1/(actions/|helpers/|[^/]+\\.node\\.ts$)' },
		},
		{
			name: 'transport-not-up',
			severity: 'error',
			comment:
				'transport/ (every call to the provider, the request bodies and the labels their errors show) imports only the shared kits and credentials.',
			from: { path: `${PROVIDER}transport/` },
			to: { path: '^nodes/$1/(actions/|helpers/|methods/|[^/]+\\.node\\.ts$)' },
		},
		{
			name: 'trigger-uses-transport-only',
			severity: 'error',
			comment:
				"A trigger imports its provider's transport/, never an action, a helper or the node file.",
			from: { path: '^nodes/(Routee|Octopush)Trigger/' },
			to: { path: '^nodes/$1/(actions/|helpers/|[^/]+\\.node\\.ts$)' },
		},
		{
			name: 'node-not-into-other-node',
			severity: 'error',
			comment: 'A provider never imports the other provider or a trigger.',
			from: { path: '^nodes/(Routee|Octopush)/' },
			to: {
				path: '^nodes/(Routee|Octopush|RouteeTrigger|OctopushTrigger)/',
				pathNot: '^nodes/$1/',
			},
		},
		{
			name: 'shared-not-up',
			severity: 'error',
			comment: 'nodes/shared/ holds kits below every node: it imports no node folder.',
			from: { path: '^nodes/shared/' },
			to: { path: '^nodes/(?!shared/)' },
		},
		{
			name: 'shared-kits-apart',
			severity: 'error',
			comment:
				'The action kit and the trigger kit do not import each other; the value helpers at the root of nodes/shared/ import neither.',
			from: { path: '^nodes/shared/(action|trigger)/' },
			to: { path: '^nodes/shared/(action|trigger)/', pathNot: '^nodes/shared/$1/' },
		},
		{
			name: 'shared-values-are-leaves',
			severity: 'error',
			comment: 'The value helpers at the root of nodes/shared/ import neither kit.',
			from: { path: '^nodes/shared/[^/]+$' },
			to: { path: '^nodes/shared/(action|trigger)/' },
		},
		{
			name: 'credentials-are-leaves',
			severity: 'error',
			comment: 'A credential imports no node code.',
			from: { path: '^credentials/' },
			to: { path: '^nodes/' },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^(dist|node_modules)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		moduleSystems: ['es6', 'cjs'],
	},
};
