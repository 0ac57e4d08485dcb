package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestScreeningForm")
class ContestScreeningForm implements TaskListener {

    private final TeamScreening screening;
    private final ContestStore store;
    private final TeamVideos videos;

    ContestScreeningForm(TeamScreening screening, ContestStore store, TeamVideos videos) {
        this.screening = screening;
        this.store = store;
        this.videos = videos;
    }

    @Override
    public void notify(DelegateTask task) {
        long teamId = SkillsContest.longVar(task, SkillsContest.TEAM_ID);
        task.setName("审核参赛队伍 - " + store.team(teamId).orElseThrow().name());
        task.setVariableLocal("teamDetails", screening.details(teamId));
        task.setVariableLocal("teamVideo", videos.link(SkillsContest.campaignId(task), teamId).orElse(""));
        ContestTasks.declare(task, "screeningDecision", "rejectionCategory", "rejectionReason");
    }
}
