package io.laurel.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.decision.DmnTestEngines;
import io.laurel.nomination.NominationChannel;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped presets under {@code presets/}, read by the real catalog, checked against the seeds and the DMN. */
class PresetCatalogTest {

    static final List<String> KEYS = List.of("service-star-2025", "most-beautiful-cs-2019", "cs-essay-2018",
            "influential-cc-2020", "service-skills-cup-2022");

    static final String HAN = "\\p{IsHan}";

    static PresetCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = new PresetCatalog();
    }

    static Preset preset(String key) {
        return catalog.find(key).orElseThrow(() -> new AssertionError("preset " + key + " not loaded"));
    }

    static Stream<String> keys() {
        return KEYS.stream();
    }

    static Preset.Phase phase(Preset preset, String code) {
        return preset.timeline().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(preset.key() + " has no phase " + code));
    }

    static Preset.MaterialRule material(Preset preset, String code) {
        return preset.materials().stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(preset.key() + " has no material " + code));
    }

    static LocalDateTime at(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void allFivePresetsLoad() {
        assertThat(catalog.all()).extracting(Preset::key).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void hasNoProblemsAndNamesTheSeed(String key) {
        Preset preset = preset(key);
        assertThat(PresetCatalog.problems(preset, key)).isEmpty();
        assertThat(preset.seed()).matches("00[0-4]_[0-9a-f]{16}\\.txt");
        assertThat(preset.timeZone()).isEqualTo("Asia/Shanghai");
        if (preset.kind() == CampaignKind.ASSOCIATION) {
            assertThat(preset.intakeMailbox()).isEqualTo("awards@laurel.local");
        } else {
            assertThat(preset.intakeMailbox()).isNull();
        }
    }

    @Test
    void seedsAndKindsAreTheRightOnes() {
        assertThat(preset("most-beautiful-cs-2019").seed()).startsWith("000_");
        assertThat(preset("cs-essay-2018").seed()).startsWith("001_");
        assertThat(preset("service-star-2025").seed()).startsWith("002_");
        assertThat(preset("influential-cc-2020").seed()).startsWith("003_");
        assertThat(preset("service-skills-cup-2022").seed()).startsWith("004_");
        assertThat(catalog.all()).filteredOn(p -> p.kind() == CampaignKind.COMPANY).extracting(Preset::key)
                .containsExactly("service-star-2025");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void userFacingNamesAreChinese(String key) {
        Preset preset = preset(key);
        List<String> names = new ArrayList<>();
        names.add(preset.name());
        preset.awards().forEach(a -> names.add(a.name()));
        preset.timeline().forEach(p -> names.add(p.name()));
        preset.materials().forEach(m -> names.add(m.name()));
        if (preset.scoring() != null && preset.scoring().rubric() != null) {
            preset.scoring().rubric().forEach(c -> names.add(c.name()));
        }
        assertThat(names).allSatisfy(name -> assertThat(name).isNotBlank().containsPattern(HAN));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void timelineIsSortedByStartAndEachPhaseEndsAfterItStarts(String key) {
        List<Preset.Phase> timeline = preset(key).timeline();
        assertThat(timeline).extracting(Preset.Phase::startsAt).isSorted();
        assertThat(timeline).allSatisfy(p -> {
            assertThat(p.code()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            if (p.endsAt() != null) {
                assertThat(p.endsAt()).isAfter(p.startsAt());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("keys")
    void channelsAwardsAndMaterialsUseKnownValues(String key) {
        Preset preset = preset(key);
        Set<String> channels = Arrays.stream(NominationChannel.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(preset.channels()).isNotEmpty().doesNotHaveDuplicates().allSatisfy(c -> assertThat(channels).contains(c));
        assertThat(preset.awards()).allSatisfy(a -> {
            assertThat(a.code()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(a.subject()).isNotNull();
        });
        assertThat(preset.materials()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.scope()).isIn("APPLICANT", "UNIT", "TEAM");
            if (m.minSizeBytes() != null && m.maxSizeBytes() != null) {
                assertThat(m.maxSizeBytes()).isGreaterThan(m.minSizeBytes());
            }
            if (m.minDurationSeconds() != null && m.maxDurationSeconds() != null) {
                assertThat(m.maxDurationSeconds()).isGreaterThan(m.minDurationSeconds());
            }
            if (m.minChars() != null && m.maxChars() != null) {
                assertThat(m.maxChars()).isGreaterThan(m.minChars());
            }
        });
        assertThat(preset.materials()).extracting(Preset.MaterialRule::code).doesNotHaveDuplicates();
    }

    @Test
    void aMisspeltRuleStopsStartUp() throws Exception {
        String json = new String(PresetCatalogTest.class.getResourceAsStream("/presets/service-star-2025.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        var strict = PresetCatalog.presetMapper();
        assertThat(strict.readValue(json, Preset.class).rules().noticeWorkingDays()).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.readValue(
                        json.replace("\"noticeWorkingDays\"", "\"noticeWorkinDays\""), Preset.class))
                .hasMessageContaining("noticeWorkinDays");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.readValue(
                        json.replace("\"noticeWorkingDays\": 5", "\"noticeWorkingDays\": \"five\""), Preset.class))
                .hasMessageContaining("noticeWorkingDays");
    }

    @Test
    void aStoredSnapshotWithARetiredRuleStillOpens() {
        String snapshot = catalog.toJson(preset("cs-essay-2018"))
                .replace("\"rules\":{", "\"rules\":{\"voteRankPoints\":[{\"fromRank\":1,\"toRank\":1,\"points\":20}],");
        assertThat(snapshot).contains("voteRankPoints");
        assertThat(catalog.fromJson(snapshot).rules().onlineVoteDays()).isEqualTo(7);
    }

    @Test
    void everyAwardCodeHasAQuotaRowAndViceVersa() {
        Set<String> fromPresets = catalog.all().stream()
                .flatMap(p -> p.awards().stream().map(a -> p.key() + "/" + a.code()))
                .collect(Collectors.toSet());
        Set<String> fromDmn = DmnTestEngines.rows(DmnTestEngines.model("decisions/award-quota.dmn")).stream()
                .map(row -> unquote(row.get(0)) + "/" + unquote(row.get(1)))
                .filter(pair -> !pair.endsWith("/entry"))
                .collect(Collectors.toSet());
        assertThat(fromDmn).containsExactlyInAnyOrderElementsOf(fromPresets);

        // And the engine finds each of them.
        var engine = DmnTestEngines.legacyFeel();
        var decision = DmnTestEngines.decision(engine, "decisions/award-quota.dmn", "award-quota");
        catalog.all().forEach(p -> p.awards().forEach(a -> assertThat(engine.evaluateDecisionTable(decision,
                Map.of("preset", p.key(), "awardCode", a.code()))).as(p.key() + "/" + a.code()).hasSize(1)));
    }

    private static String unquote(String text) {
        assertThat(text).startsWith("\"").endsWith("\"");
        return text.substring(1, text.length() - 1);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void survivesTheJsonSnapshotRoundTrip(String key) {
        Preset preset = preset(key);
        assertThat(catalog.fromJson(catalog.toJson(preset))).isEqualTo(preset);
    }

    @Test
    void serviceStarFollowsSeed002() {
        Preset p = preset("service-star-2025");
        assertThat(p.name()).contains("优秀服务之星");
        assertThat(p.channels()).containsExactlyInAnyOrder("DEPARTMENT", "SELF", "CUSTOMER", "PEER");
        assertThat(p.awards()).extracting(Preset.Award::code, Preset.Award::name, Preset.Award::subject,
                Preset.Award::prizeAmountYuan).containsExactly(
                org.assertj.core.groups.Tuple.tuple("service-star", "年度服务之星", AwardSubject.INDIVIDUAL, 10000),
                org.assertj.core.groups.Tuple.tuple("excellent-team", "优秀服务团队", AwardSubject.TEAM, 30000),
                org.assertj.core.groups.Tuple.tuple("innovation", "创新服务奖", AwardSubject.INDIVIDUAL, 5000),
                org.assertj.core.groups.Tuple.tuple("progress", "服务进步奖", AwardSubject.INDIVIDUAL, 3000),
                org.assertj.core.groups.Tuple.tuple("best-satisfaction", "最佳客户满意度奖", AwardSubject.INDIVIDUAL, 5000));

        assertThat(phase(p, "launch").startsAt()).isEqualTo(at("2025-01-31T00:00:00"));
        assertThat(phase(p, "launch").endsAt()).isNull();
        assertThat(phase(p, "nomination").startsAt()).isEqualTo(at("2025-03-01T00:00:00"));
        assertThat(phase(p, "nomination").endsAt()).isEqualTo(at("2025-03-15T18:00:00"));
        assertThat(phase(p, "eligibility-review").startsAt()).isEqualTo(at("2025-03-16T00:00:00"));
        assertThat(phase(p, "eligibility-review").endsAt().toLocalDate()).hasToString("2025-03-25");
        assertThat(phase(p, "initial-review").startsAt()).isEqualTo(at("2025-03-26T00:00:00"));
        assertThat(phase(p, "initial-review").endsAt().toLocalDate()).hasToString("2025-04-10");
        assertThat(phase(p, "re-review").startsAt()).isEqualTo(at("2025-04-11T00:00:00"));
        assertThat(phase(p, "re-review").endsAt().toLocalDate()).hasToString("2025-04-25");
        assertThat(phase(p, "final-vote-and-notice").startsAt()).isEqualTo(at("2025-05-01T00:00:00"));
        assertThat(phase(p, "final-vote-and-notice").endsAt().toLocalDate()).hasToString("2025-05-15");
        assertThat(phase(p, "ceremony").startsAt()).isEqualTo(at("2025-05-30T00:00:00"));
        assertThat(phase(p, "ceremony").endsAt()).isNull();

        var mainDocument = material(p, "main-document");
        assertThat(mainDocument.formats()).containsExactly("pdf");
        assertThat(mainDocument.namingPattern()).isEqualTo("部门-姓名-参选类别");
        assertThat(material(p, "video").formats()).containsExactly("mp4");
        assertThat(material(p, "video").maxDurationSeconds()).isEqualTo(300);
        assertThat(material(p, "video").required()).isFalse();
        assertThat(material(p, "service-story").maxChars()).isEqualTo(800);
        assertThat(material(p, "customer-praise").minCount()).isEqualTo(5);

        PresetRules rules = p.rules();
        assertThat(rules.reminderDaysBefore()).isEqualTo(3);
        assertThat(rules.supplementWorkingDays()).isEqualTo(3);
        assertThat(rules.noticeWorkingDays()).isEqualTo(5);
        assertThat(rules.advanceTopPercent()).isEqualTo(50);
        assertThat(rules.departmentNominationsMin()).isEqualTo(1);
        assertThat(rules.departmentNominationsMax()).isEqualTo(3);
        assertThat(rules.consecutiveWinsLimit()).isEqualTo(3);
        assertThat(rules.committeeSize()).isEqualTo(15);
        assertThat(rules.submissionDeadlineTime()).hasToString("18:00");
        Map<String, Integer> committee = rules.committee();
        assertThat(committee).containsExactlyInAnyOrderEntriesOf(Map.of("executives", 3, "departmentHeads", 5,
                "hr", 2, "pastWinners", 2, "customerReps", 3));
        assertThat(committee.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(15);
        List<String> reminderKeyDates = rules.reminderKeyDates();
        assertThat(reminderKeyDates).allSatisfy(code -> phase(p, code));
    }

    @Test
    void mostBeautifulFollowsSeed000() {
        Preset p = preset("most-beautiful-cs-2019");
        assertThat(p.channels()).containsExactlyInAnyOrder("UNIT", "SELF");
        assertThat(p.awards()).extracting(Preset.Award::name).containsExactly("行业杰出贡献奖", "优秀运营管理奖",
                "优秀班组长", "优秀培训师", "优秀质保师", "精英客服奖", "最佳AI工程师", "最佳数据分析师");
        assertThat(p.awards()).allSatisfy(a -> assertThat(a.subject()).isEqualTo(AwardSubject.INDIVIDUAL));
        assertThat(phase(p, "intake").endsAt()).isEqualTo(at("2020-01-08T00:00:00"));

        var video = material(p, "video");
        assertThat(video.formats()).containsExactly("mp4");
        assertThat(video.minDurationSeconds()).isEqualTo(60);
        assertThat(video.maxDurationSeconds()).isEqualTo(180);
        assertThat(video.minWidth()).isEqualTo(1280);
        assertThat(video.minHeight()).isEqualTo(720);
        assertThat(video.maxSizeBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(video.aspectRatios()).containsExactlyInAnyOrder("9:16", "16:9");
        assertThat(material(p, "photo").minSizeBytes()).isEqualTo(3L * 1024 * 1024);
        assertThat(material(p, "application-form-pdf").formats()).containsExactly("pdf");
        assertThat(material(p, "application-form-word").formats()).contains("docx");
        assertThat(material(p, "applicant-folder").namingPattern()).isEqualTo("参选奖项+参赛单位+参选人员");
        assertThat(material(p, "unit-package").namingPattern()).isEqualTo("单位名称+2019年度最美客服人申报资料");
        assertThat(material(p, "unit-package").scope()).isEqualTo("UNIT");
        assertThat(material(p, "unit-summary").scope()).isEqualTo("UNIT");
        assertThat(material(p, "business-licence").scope()).isEqualTo("UNIT");
    }

    @Test
    void csEssayFollowsSeed001() {
        Preset p = preset("cs-essay-2018");
        assertThat(p.channels()).containsExactly("UNIT");
        assertThat(phase(p, "intake").endsAt()).isEqualTo(at("2018-11-10T00:00:00"));
        assertThat(phase(p, "vote-results").startsAt()).isEqualTo(at("2018-11-19T00:00:00"));
        assertThat(p.awards()).filteredOn(a -> a.subject() == AwardSubject.ORGANISATION).extracting(Preset.Award::name)
                .containsExactly("最佳团队奖", "最佳组织奖", "最具凝聚力奖");

        List<Preset.Criterion> rubric = p.scoring().rubric();
        assertThat(rubric).extracting(Preset.Criterion::name, Preset.Criterion::maxPoints).containsExactly(
                org.assertj.core.groups.Tuple.tuple("规范性", 10), org.assertj.core.groups.Tuple.tuple("内容性", 30),
                org.assertj.core.groups.Tuple.tuple("思想性", 50), org.assertj.core.groups.Tuple.tuple("创新性", 10));
        assertThat(rubric.stream().mapToInt(Preset.Criterion::maxPoints).sum()).isEqualTo(100);
        assertThat(rubric).allSatisfy(c -> assertThat(c.bands()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.from()).isBetween(0, b.to());
            assertThat(b.to()).isLessThanOrEqualTo(c.maxPoints());
            assertThat(b.description()).containsPattern(HAN);
        }));
        assertThat(rubric.get(2).bands()).extracting(Preset.Band::from, Preset.Band::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(46, 50), org.assertj.core.groups.Tuple.tuple(36, 45),
                org.assertj.core.groups.Tuple.tuple(21, 35), org.assertj.core.groups.Tuple.tuple(0, 20));

        var article = material(p, "article-word");
        assertThat(article.minChars()).isEqualTo(800);
        assertThat(article.maxChars()).isEqualTo(1200);
        assertThat(material(p, "video").minDurationSeconds()).isEqualTo(240);
        assertThat(material(p, "video").maxDurationSeconds()).isEqualTo(360);
        assertThat(material(p, "entry-folder").namingPattern()).isEqualTo("作品名称+参赛单位+参赛人员");
        assertThat(p.rules().onlineVoteMaxPoints()).isEqualTo(20);
        assertThat(p.rules().conformityDeductionPerIssue()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void csEssayPrizeRulesNameItsOwnAwards() {
        Preset p = preset("cs-essay-2018");
        Set<String> codes = p.awards().stream().map(Preset.Award::code).collect(Collectors.toSet());
        Map<String, List<String>> ranked = p.rules().rankedPrizes();
        assertThat(ranked).containsOnlyKeys("entry");
        assertThat(ranked.get("entry")).containsExactly("first-prize", "second-prize", "third-prize");
        assertThat(p.rules().votePrizes()).containsExactly("popularity", "style", "image",
                "creativity");
        Map<String, String> unit = p.rules().unitPrizes();
        assertThat(unit).containsOnlyKeys("best-team", "best-organisation", "most-cohesive");
        assertThat(unit.values()).allSatisfy(v -> assertThat(v).isIn("ranking", "entries", "promotion", "guidance"));
        assertThat(codes).containsAll(ranked.get("entry")).containsAll(unit.keySet())
                .containsAll(p.rules().votePrizes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void influentialCcIndicatorsAreSeed003sEvaluationSystem() {
        Preset p = preset("influential-cc-2020");
        List<Preset.Criterion> rubric = p.scoring().rubric();
        Map<String, List<String>> system = (Map<String, List<String>>) p.seedNotes().get("evaluationSystem");
        assertThat(rubric).extracting(Preset.Criterion::name).containsExactlyElementsOf(
                system.values().stream().flatMap(List::stream).toList());
        assertThat(rubric).extracting(Preset.Criterion::code).doesNotHaveDuplicates()
                .contains("staff-size", "seats", "delivery-languages", "inbound-kpi", "outbound-kpi", "staff-kpi",
                        "total-assets", "revenue", "customer-satisfaction", "incentives", "information-security",
                        "leadership");
        assertThat(rubric).allSatisfy(c -> {
            assertThat(c.maxPoints()).isEqualTo(100);
            assertThat(c.bands()).singleElement().satisfies(b -> assertThat(b.description()).containsPattern(HAN));
        });
    }

    @Test
    void influentialCcFollowsSeed003() {
        Preset p = preset("influential-cc-2020");
        assertThat(p.awards()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("influential-cc");
            assertThat(a.subject()).isEqualTo(AwardSubject.ORGANISATION);
        });
        assertThat(phase(p, "launch").startsAt()).isEqualTo(at("2020-03-16T00:00:00"));
        assertThat(phase(p, "registration").endsAt().toLocalDate()).hasToString("2020-05-08");
        assertThat(phase(p, "expert-review").endsAt().toLocalDate()).hasToString("2020-05-22");
        assertThat(phase(p, "list-publication").startsAt().getMonthValue()).isEqualTo(6);
        assertThat(material(p, "profile-zh").maxChars()).isEqualTo(1000);
        assertThat(material(p, "profile-en").maxChars()).isEqualTo(1000);
        assertThat(material(p, "pictures").minCount()).isEqualTo(3);
    }

    @Test
    void skillsCupFollowsSeed004() {
        Preset p = preset("service-skills-cup-2022");
        assertThat(p.rules().teamSize()).isEqualTo(3);
        assertThat(p.rules().finalTeams()).isEqualTo(8);
        assertThat(phase(p, "registration").startsAt()).isEqualTo(at("2022-10-27T00:00:00"));
        assertThat(phase(p, "registration").endsAt().toLocalDate()).hasToString("2022-11-20");
        assertThat(phase(p, "preliminary").startsAt()).isEqualTo(at("2022-11-22T00:00:00"));
        assertThat(phase(p, "preliminary").endsAt().toLocalDate()).hasToString("2022-12-06");
        assertThat(phase(p, "semifinal-list").startsAt()).isEqualTo(at("2022-12-07T00:00:00"));
        assertThat(phase(p, "semifinal").startsAt()).isEqualTo(at("2022-12-13T00:00:00"));
        assertThat(phase(p, "semifinal").endsAt().toLocalDate()).hasToString("2022-12-27");
        assertThat(phase(p, "final").startsAt()).isEqualTo(at("2023-01-13T00:00:00"));
        assertThat(material(p, "intro-video").maxDurationSeconds()).isEqualTo(300);
        assertThat(material(p, "intro-video").scope()).isEqualTo("TEAM");
        // the contest's own process, teams registering by email until registration closes, reminders 3 days before
        assertThat(p.channels()).containsExactlyInAnyOrder("SELF", "TEAM");
        assertThat(p.rules().process()).isEqualTo("skills-contest");
        assertThat(p.rules().intakePhase()).isEqualTo("registration");
        assertThat(p.rules().thirdPlaceMatch()).isTrue();
        assertThat(p.rules().reminderDaysBefore()).isEqualTo(3);
        assertThat(p.rules().reminderKeyDates())
                .containsExactly("registration", "preliminary", "semifinal-list", "semifinal", "final");
    }

    @Test
    void problemsReportsDuplicateAwardCodeAndKeyFileMismatch() {
        Preset valid = preset("service-star-2025");
        assertThat(PresetCatalog.problems(valid, "service-star-2025")).isEmpty();

        List<Preset.Award> awards = new ArrayList<>(valid.awards());
        awards.add(valid.awards().get(0));
        Preset duplicated = new Preset(valid.key(), valid.name(), valid.kind(), valid.seed(), valid.timeZone(),
                valid.intakeMailbox(), valid.channels(), awards, valid.timeline(), valid.materials(),
                valid.scoring(), valid.rules(), valid.seedNotes());
        assertThat(PresetCatalog.problems(duplicated, "service-star-2025"))
                .singleElement().asString().contains("service-star").contains("twice");

        assertThat(PresetCatalog.problems(valid, "service-star-2026"))
                .singleElement().asString().contains("service-star-2025").contains("service-star-2026");
    }

    @Test
    void unknownPropertiesAreRejectedInPresetFiles() {
        String json = catalog.toJson(preset("influential-cc-2020")).replaceFirst("\\{", "{\"quota\":3,");
        assertThatThrownBy(() -> PresetCatalog.presetMapper().readValue(json, Preset.class))
                .hasMessageContaining("quota");
    }
}
