package io.laurel.organisation;

/**
 * A campaign's committee chair was set or replaced (console or organisation file), published in the change's
 * transaction so that a running campaign's process follows it.
 *
 * @param chairUserId the new chair, or null when the committee now has none
 */
public record CommitteeChairChanged(long campaignId, String chairUserId) {
}
