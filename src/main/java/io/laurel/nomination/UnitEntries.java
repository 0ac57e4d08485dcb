package io.laurel.nomination;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations that units send in packages (channel UNIT): intake reads and checks the package, this feature owns
 * the nomination and material rows it becomes.
 */
@Service
public class UnitEntries {

    private final NominationRepository nominations;
    private final MaterialRepository materials;

    UnitEntries(NominationRepository nominations, MaterialRepository materials) {
        this.nominations = nominations;
        this.materials = materials;
    }

    /** A file already in the file store (content-addressed), as intake unpacked it. */
    public record StoredFile(String kind, String fileName, long sizeBytes, String sha256, String location) {
    }

    /** Registers a unit's applicant or entry as submitted, ready for the campaign's review. */
    @Transactional
    public Nomination register(Long campaignId, String awardCode, String candidateName, Long unitId, String unitName,
            String contactEmail, Instant submittedAt) {
        Nomination nomination = new Nomination(campaignId, awardCode, candidateName, NominationChannel.UNIT, unitName,
                contactEmail, null, submittedAt);
        nomination.fromUnit(unitId);
        nomination.changeStatus(NominationStatus.SUBMITTED);
        return nominations.save(nomination);
    }

    /** Keeps a file of a nomination, or of the campaign (the unit's or team's own files) when nominationId is null. */
    @Transactional
    public void attach(Long campaignId, Long nominationId, StoredFile file, Instant receivedAt) {
        materials.save(new Material(campaignId, nominationId, file.kind(), file.fileName(), null, file.sizeBytes(),
                file.sha256(), file.location(), receivedAt));
    }

    /** When a nomination was registered (for receipts of a package sent again). */
    @Transactional(readOnly = true)
    public Instant submittedAt(Long nominationId) {
        return nominations.findById(nominationId).map(Nomination::getSubmittedAt).orElse(null);
    }
}
