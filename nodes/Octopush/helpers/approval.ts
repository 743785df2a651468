import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * SMS → Send for Approval (operation value `sendAndWait`, so that n8n also offers the Octopush node as a Human review
 * gate for AI agent tools): the SMS carries a link to this execution's approval page, and the execution waits until
 * the person decides there or the Time Limit passes.
 *
 * The link is n8n's signed per-node resume URL (`getSignedResumeUrl()`, as n8n's own Send and Wait nodes make theirs:
 * /webhook-waiting/<execution id>/<node id>?signature=…). n8n checks the signature before this node's webhook runs
 * (n8n 2.35.7/2.40.7 webhooks/waiting-webhooks.js `isSendAndWaitRequest`, `validateSignature`), and answers a link
 * opened after the execution finished with its own "no action required" page.
 *
 * Opening the link (GET) only shows the page; the decision is the page's button (a POST). Messaging apps fetch links
 * to draw previews, so a GET that decided would let a preview approve.
 */

/** GET shows the page, POST decides; both under the node's id (`$nodeId`), as n8n's own sendAndWait webhooks. */
export const approvalWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
	);

/** One small page, no script and nothing loaded from elsewhere. */
function page(title: string, body: string): string {
	return [
		'<!doctype html><html><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(title)}</title>`,
		'<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;line-height:1.5}',
		'button{font-size:1.1rem;padding:.7rem 1.5rem;margin:.4rem .4rem 0 0;border-radius:.4rem;border:1px solid #888;cursor:pointer}',
		'button[value=approve]{background:#1a7f37;color:#fff;border-color:#1a7f37}</style>',
		`</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
	].join('');
}

function answer(context: IWebhookFunctions, status: number, html: string): void {
	const response = context.getResponseObject();
	response.writeHead(status, {
		'content-type': 'text/html; charset=utf-8',
		// the page holds no script and loads nothing; forms post back here only
		'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
		'cache-control': 'no-store',
	});
	response.end(html);
}

function labelsOf(context: IWebhookFunctions): { approve: string; decline: string } {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const label = (value: unknown, fallback: string) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return {
		approve: label(options.approveLabel, 'Approve'),
		decline: label(options.declineLabel, 'Decline'),
	};
}

/** The approval page's webhook: GET shows the choice, a POST of it resumes the execution. */
export function approvalWebhook(context: IWebhookFunctions): IWebhookResponseData {
	const labels = labelsOf(context);
	const choice = page(
		'Your approval is requested',
		'<p>Approve or decline the request in the SMS you received.</p>' +
			'<form method="post">' +
			`<button type="submit" name="decision" value="approve">${escapeHtml(labels.approve)}</button>` +
			`<button type="submit" name="decision" value="decline">${escapeHtml(labels.decline)}</button>` +
			'</form>',
	);
	const method = context.getRequestObject().method;
	if (method !== 'POST') {
		answer(context, 200, choice);
		return { noWebhookResponse: true };
	}
	const body = (context.getBodyData() ?? {}) as IDataObject;
	const decision = body.decision;
	if (decision !== 'approve' && decision !== 'decline') {
		answer(context, 400, choice);
		return { noWebhookResponse: true };
	}
	const approved = decision === 'approve';
	answer(
		context,
		200,
		page(
			approved ? labels.approve : labels.decline,
			'<p>Your answer is recorded. You can close this page.</p>',
		),
	);
	return {
		noWebhookResponse: true,
		workflowData: [
			[
				{
					json: {
						approved,
						reason: approved ? 'approved' : 'declined',
						timedOut: false,
						decidedAt: new Date().toISOString(),
					},
					pairedItem: { item: 0 },
				},
			],
		],
	};
}
