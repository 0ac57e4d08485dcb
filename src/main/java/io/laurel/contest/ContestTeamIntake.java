package io.laurel.contest;

import io.laurel.intake.TeamIntake;
import io.laurel.intake.validation.Assessment;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams registering by email: {@code package-intake} checks the mail against the preset (introduction video of at
 * most 5 minutes, registration form with exactly 3 members of the organisation) and hands the result here. The
 * team is named after its organisation (a second team of the same organisation gets a number) and waits for
 * screening like a team registered through the API.
 */
@Component
class ContestTeamIntake implements TeamIntake {

    private final ContestStore store;

    ContestTeamIntake(ContestStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public List<String> register(Long campaignId, Long packageId, String contactEmail, Assessment assessment) {
        if (store.teamOfPackage(packageId).isPresent()) {
            return List.of();
        }
        String organisation = assessment.unitName();
        String name = organisation;
        for (int n = 2; store.teamNameTaken(campaignId, name); n++) {
            name = organisation + "（" + n + "队）";
        }
        long teamId = store.insertTeam(campaignId, name, organisation, contactEmail, "MAIL");
        store.attachPackage(teamId, packageId);
        int position = 1;
        for (Assessment.Applicant member : assessment.applicants()) {
            store.insertMember(teamId, position++, member.name(), member.row() == null ? null : member.row().email(),
                    member.row() == null ? null : member.row().mobile());
        }
        return receiptLines(packageId);
    }

    @Override
    public List<String> receiptLines(Long packageId) {
        return store.teamOfPackage(packageId).map(team -> store.members(team.id()).stream()
                .map(m -> "参赛队员 " + m.name() + " — 队伍「" + team.name() + "」（待组委会初步筛选）").toList())
                .orElse(List.of());
    }
}
