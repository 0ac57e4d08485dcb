package io.laurel.intake.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the material checks put what they find. A campaign whose rubric deducts points per nonconformity
 * (preset rule {@code conformityDeductionPerIssue}, seed 001 规范性) registers such an entry and flags it; any
 * other campaign refuses it until the unit supplies what is missing (seed 000). What makes judging impossible
 * (no work, unreadable files) is always a problem.
 */
public final class FindingSink {

    private final boolean deducts;
    private final List<Finding> problems;
    private final List<Finding> nonconformities = new ArrayList<>();

    public FindingSink(boolean deducts, List<Finding> problems) {
        this.deducts = deducts;
        this.problems = problems;
    }

    /** Judging is impossible without a fix. */
    public void problem(Finding finding) {
        problems.add(finding);
    }

    /** A departure from the campaign's requirements: a deduction where the campaign deducts, else a problem. */
    public void nonconformity(Finding finding) {
        (deducts ? nonconformities : problems).add(finding);
    }

    public List<Finding> nonconformities() {
        return List.copyOf(nonconformities);
    }
}
