package io.laurel.contest;

import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetRules;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names the {@code skills-contest} model and the code share: process key, variables, message, rules. */
public final class SkillsContest {

    public static final String PROCESS_KEY = "skills-contest";
    public static final String WITHDRAWAL_MESSAGE = "ContestTeamWithdrawn";

    static final String CAMPAIGN_ID = "campaignId";
    static final String THIRD_PLACE_MATCH = "thirdPlaceMatch";
    static final String TEAM_ID = "teamId";
    static final String MATCH_ID = "matchId";
    static final String ROUND_ID = "roundId";

    static final String PRELIMINARY = "PRELIMINARY";
    static final String SEMIFINAL = "SEMIFINAL";
    static final String FINAL = "FINAL";

    /** Values of {@code nextStep}, the gateway after a round's results are published. */
    static final String NEXT_ROUND = "next-round";
    static final String TO_SEMIFINAL = "semifinal";
    static final String TO_FINAL = "final";
    static final String FINISHED = "finished";

    private SkillsContest() {
    }

    static long campaignId(VariableScope scope) {
        return ((Number) scope.getVariable(CAMPAIGN_ID)).longValue();
    }

    static long longVar(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    /** The contest numbers of a preset's rules (seed 004 for service-skills-cup-2022). */
    record Rules(int teamSize, int finalTeams, int groupMin, int groupMax, boolean thirdPlaceMatch) {

        static Rules of(Preset preset) {
            PresetRules rules = preset.rules();
            return new Rules(orDefault(rules.teamSize(), 3), orDefault(rules.finalTeams(), 8),
                    orDefault(rules.semifinalTeamsPerRoundMin(), 3), orDefault(rules.semifinalTeamsPerRoundMax(), 5),
                    rules.thirdPlaceMatchPlayed());
        }

        static boolean isContest(Preset preset) {
            return PROCESS_KEY.equals(preset.rules().process());
        }

        private static int orDefault(Integer value, int fallback) {
            return value != null ? value : fallback;
        }
    }
}
