package io.laurel.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The numbers and switches of a preset that code acts on, typed: a misspelt or mistyped rule in a preset file
 * stops start-up (the catalog parses with unknown properties refused) instead of falling back to a default in
 * one of the classes that read it. The seed's wording that no code reads lives in {@link Preset#seedNotes()}.
 * Every field is optional; each reader states its default once, in the accessor below where it has one.
 *
 * @param process                   the BPMN process a campaign runs when it is not award-selection
 * @param intakePhase               the timeline phase during which mailed packages are accepted
 * @param registrationEmailSubject  the subject a registration mail must carry (skills contest)
 * @param entryForms                the alternative forms an entry may take (essay: 照片+文章 or 照片+视频)
 * @param teamCountsAsOneEntry      a team entry counts once towards a unit's entry limit
 * @param teamSize                  members per team (skills contest)
 * @param finalTeams                teams in the final (skills contest)
 * @param preliminaryRounds         rounds of the preliminary (skills contest)
 * @param semifinalTeamsPerRoundMin smallest group of a semifinal round
 * @param semifinalTeamsPerRoundMax largest group of a semifinal round
 * @param thirdPlaceMatch           whether a match for third place is played
 * @param rubricAppliesTo           the panels that score with the rubric
 * @param conformityDeductionPerIssue points taken off 规范性 per nonconformity
 * @param onlineVoteDays            length of the public vote window in days
 * @param onlineVoteMaxPoints       the online vote's points in the seed's table (the DMN vote-points table holds
 *                                  how ranks turn into points)
 * @param rankedPrizes              per award code: the prizes handed out by final rank, in order
 * @param votePrizes                prizes handed out by the online vote
 * @param unitPrizes                per unit prize: how its winners are chosen
 * @param unitPrizeProposals        how many units are proposed per unit prize
 * @param reminderDaysBefore        days before a key date that its reminder goes out
 * @param reminderKeyDates          timeline codes that get a reminder
 * @param reminderAnchors           per timeline code: remind before its "start" instead of its end
 * @param submissionDeadlineTime    local time at which a submission deadline falls on its day
 * @param supplementWorkingDays     working days a nominator has to hand in missing materials
 * @param noticeWorkingDays         working days of the public notice
 * @param departmentNominationsMin  fewest nominations a department head hands in
 * @param departmentNominationsMax  most nominations a department head hands in
 * @param advanceTopPercent         share of each award's nominees that passes the initial review
 * @param committeeSize             members of the selection committee
 * @param committee                 the committee's make-up by role (seed 002)
 * @param consecutiveWinsLimit      wins in a row after which a winner sits out
 * @param sitOutYears               years a winner sits out after the limit
 * @param casesMax                  most cases an organisation hands in (enterprise ranking)
 * @param stampRequired             materials must carry the organisation's stamp
 * @param unitContactRequired       a unit package must name a contact
 * @param paperCopies               paper copies to hand in besides the electronic ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresetRules(
        String process,
        String intakePhase,
        String registrationEmailSubject,
        List<String> entryForms,
        Boolean teamCountsAsOneEntry,
        Integer teamSize,
        Integer finalTeams,
        Integer preliminaryRounds,
        Integer semifinalTeamsPerRoundMin,
        Integer semifinalTeamsPerRoundMax,
        Boolean thirdPlaceMatch,
        List<String> rubricAppliesTo,
        Integer conformityDeductionPerIssue,
        Integer onlineVoteDays,
        Integer onlineVoteMaxPoints,
        Map<String, List<String>> rankedPrizes,
        List<String> votePrizes,
        Map<String, String> unitPrizes,
        Integer unitPrizeProposals,
        Integer reminderDaysBefore,
        List<String> reminderKeyDates,
        Map<String, String> reminderAnchors,
        LocalTime submissionDeadlineTime,
        Integer supplementWorkingDays,
        Integer noticeWorkingDays,
        Integer departmentNominationsMin,
        Integer departmentNominationsMax,
        Integer advanceTopPercent,
        Integer committeeSize,
        Map<String, Integer> committee,
        Integer consecutiveWinsLimit,
        Integer sitOutYears,
        Integer casesMax,
        Boolean stampRequired,
        Boolean unitContactRequired,
        Integer paperCopies) {

    /** A preset without rules. */
    public static final PresetRules NONE = new PresetRules(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    public PresetRules {
        entryForms = Preset.readOnly(entryForms);
        rubricAppliesTo = Preset.readOnly(rubricAppliesTo);
        votePrizes = Preset.readOnly(votePrizes);
        reminderKeyDates = Preset.readOnly(reminderKeyDates);
        rankedPrizes = rankedPrizes == null ? null : Map.copyOf(rankedPrizes);
        unitPrizes = unitPrizes == null ? null : Map.copyOf(unitPrizes);
        reminderAnchors = reminderAnchors == null ? null : Map.copyOf(reminderAnchors);
        committee = committee == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(committee));
    }

    public boolean thirdPlaceMatchPlayed() {
        return !Boolean.FALSE.equals(thirdPlaceMatch);
    }

    public List<String> votePrizesOrNone() {
        return votePrizes == null ? List.of() : votePrizes;
    }

    public Map<String, String> unitPrizesOrNone() {
        return unitPrizes == null ? Map.of() : unitPrizes;
    }
}
