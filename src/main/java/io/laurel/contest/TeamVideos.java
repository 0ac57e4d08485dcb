package io.laurel.contest;

import io.laurel.files.FileStore;
import io.laurel.intake.PackageOriginals;
import io.laurel.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A mailed team's introduction video (seed 004: 5 分钟的队伍介绍, the basis of the organisers' screening), served from
 * the stored originals so the screening task can link to it.
 */
@Component
class TeamVideos {

    private static final Set<String> VIDEO = Set.of("mp4", "m4v", "mov", "avi", "flv", "swf", "wmv", "mkv", "mpg",
            "mpeg", "3gp");

    private final ContestStore store;
    private final PackageOriginals originals;
    private final FileStore files;

    TeamVideos(ContestStore store, PackageOriginals originals, FileStore files) {
        this.store = store;
        this.originals = originals;
        this.files = files;
    }

    /** The path of the team's video in the API, or empty when the team did not register by mail with one. */
    Optional<String> link(long campaignId, long teamId) {
        return video(teamId).map(v -> "/api/campaigns/" + campaignId + "/teams/" + teamId + "/video");
    }

    Optional<PackageOriginals.Original> video(long teamId) {
        return store.packageOfTeam(teamId).flatMap(pkg -> originals.of(pkg).stream()
                .filter(o -> VIDEO.contains(extension(o.path()))).findFirst());
    }

    record Video(String fileName, long sizeBytes, InputStream content) {
    }

    Video open(long campaignId, long teamId) throws IOException {
        ContestStore.Team team = store.team(teamId).filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("参赛队伍不存在: " + teamId));
        PackageOriginals.Original video = video(teamId)
                .orElseThrow(() -> ApiException.notFound("队伍「" + team.name() + "」没有通过邮件提交介绍视频"));
        String name = video.path().substring(video.path().lastIndexOf('/') + 1);
        return new Video(name, video.sizeBytes(), files.open(video.location()));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
