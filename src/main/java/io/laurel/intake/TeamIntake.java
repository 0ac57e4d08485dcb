package io.laurel.intake;

import io.laurel.intake.validation.Assessment;
import java.util.List;

/**
 * Registers a team from an emailed registration package (campaigns with the TEAM channel, e.g.
 * service-skills-cup-2022). Implemented by the contest feature; intake only checks the package against the
 * preset and hands over what it read.
 */
public interface TeamIntake {

    /**
     * @return the registered members as receipt lines; empty when the team was registered before from this package
     * @throws IllegalArgumentException with a Chinese reason when the team cannot be registered (e.g. name taken)
     */
    List<String> register(Long campaignId, Long packageId, String contactEmail, Assessment assessment);

    /** The receipt lines of the team registered from a package (members), empty when none. */
    List<String> receiptLines(Long packageId);
}
