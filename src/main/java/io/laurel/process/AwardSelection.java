package io.laurel.process;

/** Names the award-selection model and Laurel's code share: the process key, variables and messages. */
public final class AwardSelection {

    public static final String PROCESS_KEY = "award-selection";
    /** Process variable: the campaign's id (the business key holds the same id as text). */
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String OBJECTION_MESSAGE = "objection-raised";

    private AwardSelection() {
    }

    /** The campaign id from a variable set by the API (Long) or a Tasklist form (Long or Double). */
    public static Long campaignId(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Long.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
