package io.laurel.intake;

import io.laurel.campaign.Preset;
import io.laurel.intake.validation.Assessment;
import java.util.List;

/**
 * A kind of package that is not a unit's applicant folders, read and registered by the feature that owns it
 * (the contest's team registrations, seed 004). Intake keeps the mailbox, the stored originals, the package
 * process and the replies; the channel says which campaigns it serves, whether a mail is meant for one, what
 * the package holds and what registering it means.
 */
public interface IntakeChannel {

    /** Whether campaigns of this preset take this channel's packages. */
    boolean serves(Preset preset);

    /** Whether the mail (archive name, subject, body) is a package for such a campaign, e.g. by its subject words. */
    boolean addressedTo(Preset preset, String mailText);

    /** Reads and checks the package's files (classified by intake, originals stored). */
    Assessment inspect(Preset preset, List<Assessment.ClassifiedFile> files, String archiveName, String mailText);

    /**
     * Registers what the package holds when it has no problems left.
     *
     * @return receipt lines; empty when nothing new was registered (e.g. the same registration mailed again)
     */
    List<String> register(Long campaignId, Long packageId, String contactEmail, Assessment assessment);

    /** The receipt lines of what was registered from a package, or of what it repeats; empty when none. */
    List<String> receiptLines(Long packageId);

    /** The material kind a package file is kept as (e.g. team-intro-video). */
    String materialKind(Assessment.ClassifiedFile file);
}
