import { z } from 'zod';

import { isE164 } from '../../shared/phone';
import { oneOf } from '../../shared/http';

// ---------------------------------------------------------------------------------------------
// Routee's contacts API: contacts, labels, groups and the blacklist. Sources (docs.routee.net):
//   contact        https://docs.routee.net/reference/create-a-new-contact, /update-a-contacts-details
//   labels         https://docs.routee.net/reference/create-labels
//   groups         https://docs.routee.net/reference/create-a-new-group, /retrieve-the-accounts-groups-in-paged-format
//   blacklist      https://docs.routee.net/reference/add-contacts-to-blacklist
// Several of these pages are known here only as other clients restate them (docs/providers.md "Not verified"); where
// they disagree the node sends what most sources show and shows Routee's own answer.
// ---------------------------------------------------------------------------------------------

/** firstName, lastName: "The length must be between 1 and 60" (https://docs.routee.net/reference/create-a-new-contact). */
export const MAX_CONTACT_NAME = 60;
/** A group's name: "Length must be between 2 and 30 characters" (https://docs.routee.net/reference/merge-multiple-groups, /create-a-new-group). */
export const GROUP_NAME_LENGTH = { min: 2, max: 30 } as const;
/**
 * The page size the node reads groups and a group's contacts with: the pages give only the default (10) and no
 * maximum; the node asks for 100 a page, and a refusal shows Routee's answer.
 */
export const GROUP_PAGE_SIZE = 100;
/**
 * The services a contact can be blacklisted for that this node sends: "The service (Sms, Voice, Viber, TwoStep,
 * Lookup, NumberValidator)" (https://docs.routee.net/reference/add-contacts-to-blacklist); the removal page names
 * only Sms and TwoStep (as restated by other clients): a Voice removal is sent and Routee's answer shown.
 */
export const BLACKLIST_SERVICES = ['Sms', 'Voice'] as const;
/** A label's type: "Supported types are: Text or Number" (https://docs.routee.net/reference/create-labels). */
export const LABEL_TYPES = ['Text', 'Number'] as const;
/** "May only contain alphanumeric characters" (https://docs.routee.net/reference/create-labels). */
const LABEL_NAME = /^[A-Za-z0-9]+$/;
/** A group's strategy (https://docs.routee.net/reference/create-a-new-group). */
export const GROUP_STRATEGIES = ['None', 'Filtered', 'All'] as const;
/** "Possible values: 'is', 'is_not', 'contains', 'starts_with', 'ends_with'" (https://docs.routee.net/reference/create-a-new-group). */
export const SEARCH_OPERATORS = ['is', 'is_not', 'contains', 'starts_with', 'ends_with'] as const;

const shown = (value: unknown) => JSON.stringify(value);
const text = z.string({ invalid_type_error: 'must be text' }).min(1, 'must not be empty');
const name = z
	.string({ invalid_type_error: 'must be text' })
	.min(1, 'must not be empty')
	.max(MAX_CONTACT_NAME, `must be at most ${MAX_CONTACT_NAME} characters`);
// Routee's pages show every mobile in E.164 (+ and the country code); the node reads national numbers with the
// Default Country option before this check, as for every phone field
const mobile = z.string().refine(isE164, (v) => ({
	message: `must be an E.164 phone number such as +306948530920, got ${shown(v)}`,
}));

/** POST /contacts/my and PUT /contacts/my/{id}: the same fields, mobile required in both. */
export const contactBody = z
	.object({
		mobile,
		firstName: name.optional(),
		lastName: name.optional(),
		email: text.optional(),
		vip: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
		labels: z.array(z.object({ name: text, value: z.string() }).strict()).optional(),
	})
	.strict();

const groupName = z
	.string({ invalid_type_error: 'must be text' })
	.min(
		GROUP_NAME_LENGTH.min,
		`must be ${GROUP_NAME_LENGTH.min} to ${GROUP_NAME_LENGTH.max} characters`,
	)
	.max(
		GROUP_NAME_LENGTH.max,
		`must be ${GROUP_NAME_LENGTH.min} to ${GROUP_NAME_LENGTH.max} characters`,
	);

/** POST /groups/my. */
export const groupBody = z
	.object({
		name: groupName,
		strategy: oneOf(GROUP_STRATEGIES).optional(),
		filters: z
			.array(
				z
					.object({
						fieldName: text,
						searchTerm: z.string(),
						searchOperator: oneOf(SEARCH_OPERATORS),
					})
					.strict(),
			)
			.optional(),
	})
	// Filtered without a filter is sent: the page does not say it is refused, so Routee's answer decides
	.strict();

/** POST /contacts/labels/my: the labels to create. */
export const labelsBody = z
	.array(
		z
			.object({
				name: z.string().regex(LABEL_NAME, 'must hold only latin letters and digits'),
				type: oneOf(LABEL_TYPES),
			})
			.strict(),
	)
	.min(1, 'must hold at least one label');
