-- Issue 8 (P2): registering a nomination first checks that the candidate is not already nominated for the
-- award (campaign, employee, award). The only index was (campaign_id, award_code), so each check read every
-- nomination of the award: quadratic over a campaign (10,000 nominations: 50 million rows read).
create index ix_nomination_candidate on nomination (campaign_id, employee_id, award_code);
