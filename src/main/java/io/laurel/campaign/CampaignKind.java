package io.laurel.campaign;

/** Who runs the campaign: a company for its own staff, or an industry association for member units. */
public enum CampaignKind {
    COMPANY,
    ASSOCIATION
}
