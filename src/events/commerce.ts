/**
 * Commerce is no political event even with a state on one side. PLOVER codes acts between
 * political actors; a cooperative word whose only other party is a business — "the central bank
 * invited several banks to submit offers", "tried to assist in a bid by Bank of Hawaii", "may
 * propose amendments if industry can show it is hurt", "had not withdrawn his stockholding in Far
 * East Bank" — tells a market being regulated, helped or dealt with, not a state acting on
 * another actor. So the types whose words business shares (agreeing, meeting, cooperating,
 * giving, asking, refusing) are no event when the recipients are all businesses, or when
 * businesses alone act with no one named on the other side ("Fujitsu will proceed with talks").
 * (sense.ts already drops them when both sides are businesses; an arrest, a raid or a sanction
 * of a business is still a state's act on it.)
 */
import type { EntityMention } from '../doc/types.js';

/**
 * Why a cooperative event is commerce — 'recipient:business' when every recipient is a
 * business, 'actor:business' when businesses alone act on no one named — or null.
 * `business` says whether a participant is surely a business.
 */
export function commerceOnly(actor: readonly EntityMention[], recipient: readonly EntityMention[], business: (m: EntityMention) => boolean): string | null {
  if (recipient.length > 0 && recipient.every(business)) return 'recipient:business';
  if (actor.length > 0 && actor.every(business) && recipient.length === 0) return 'actor:business';
  return null;
}
