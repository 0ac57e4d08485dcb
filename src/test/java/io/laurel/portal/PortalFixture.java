package io.laurel.portal;

import static io.laurel.selection.SelectionDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.selection.SelectionDriver;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns for the portal tests: a launched service-star campaign (nomination window open on the engine
 * clock), the same driven to its public notice, and a cs-essay campaign in its vote window with three
 * entries (two with a real photo). Reads codes and links from the mails GreenMail received.
 */
@Component
class PortalFixture {

    /** cs-essay-2018 moved so its vote opens 2026-10-20 00:00 and closes 2026-10-27 00:00 (Shanghai). */
    static final LocalDate ESSAY_STARTS_ON = LocalDate.of(2026, 9, 1);

    final SelectionDriver driver;
    final CampaignService campaigns;
    final NominationRepository nominations;
    final MaterialRepository materials;
    final UnitRepository units;
    final FileStore files;
    // A provider: the test classes join every application context's component scan, and a context without the
    // embedded mail server (the cluster test's nodes) must still start.
    final ObjectProvider<EmbeddedMailServer> mail;
    final RuntimeService runtime;
    final TransactionTemplate tx;

    PortalFixture(SelectionDriver driver, CampaignService campaigns, NominationRepository nominations,
            MaterialRepository materials, UnitRepository units, FileStore files, ObjectProvider<EmbeddedMailServer> mail,
            RuntimeService runtime, TransactionTemplate tx) {
        this.driver = driver;
        this.campaigns = campaigns;
        this.nominations = nominations;
        this.materials = materials;
        this.units = units;
        this.files = files;
        this.mail = mail;
        this.runtime = runtime;
        this.tx = tx;
    }

    record Launched(Campaign campaign, ProcessInstance instance) {
    }

    /** Engine clock 2026-03-02 10:00 Shanghai, inside the nomination window (03-01 to 03-15 18:00). */
    Launched serviceStar() {
        Campaign campaign = driver.campaignWithRoster();
        return new Launched(campaign, driver.launch(campaign));
    }

    /** One head nominates two of their staff; all approve; the better one wins; the instance waits in noticePeriod. */
    List<Nomination> driveToTheNotice(Launched launched) {
        return driver.driveToTheNotice(launched.campaign(), launched.instance());
    }

    /** A cs-essay campaign with a unit and three registered entries; the first two have a photo. Clock inside the vote. */
    Campaign essayInVoteWindow(List<Nomination> entries) {
        clockAt("2026-10-21T10:00");
        Campaign campaign = campaigns.createFromPreset("cs-essay-2018", ESSAY_STARTS_ON, "test");
        tx.executeWithoutResult(s -> {
            Unit unit = units.save(new Unit(campaign.getId(), "星河电信客服中心", "周敏", "13800000000",
                    "zhoumin@unit.example.com"));
            String[][] people = {{"林晓雨", "first-prize", "凌晨两点的电话", "#c0392b"},
                    {"陈立", "popularity", "把客户的抱怨变成产品改进", "#2e86c1"}, {"王芳", "second-prize", null, null}};
            for (String[] p : people) {
                Nomination n = new Nomination(campaign.getId(), p[1], p[0], NominationChannel.UNIT, unit.getName(),
                        unit.getContactEmail(), p[2], Instant.now());
                n.fromUnit(unit.getId());
                n = nominations.save(n);
                entries.add(n);
                if (p[3] != null) {
                    StoredFile photo = files.store(png(p[0], Color.decode(p[3])));
                    materials.save(new Material(campaign.getId(), n.getId(), "photo", p[0] + ".png", "image/png",
                            photo.sizeBytes(), photo.sha256(), photo.location(), Instant.now()));
                }
            }
        });
        return campaign;
    }

    /** The mails one address received so far. */
    int received(String to) {
        return mail.getObject().greenMail().getReceivedMessagesForDomain(to).length;
    }

    /** Waits for mail number {@code before + 1} of the address and answers its HTML body. */
    String nextMail(String to, int before) {
        long deadline = System.currentTimeMillis() + 15_000;
        try {
            while (System.currentTimeMillis() < deadline) {
                MimeMessage[] messages = mail.getObject().greenMail().getReceivedMessagesForDomain(to);
                if (messages.length > before) {
                    return messages[before].getSubject() + "\n" + messages[before].getContent();
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no mail number " + (before + 1) + " arrived for " + to);
    }

    static String code(String mailText) {
        Matcher m = Pattern.compile("验证码 (\\d{6})").matcher(mailText);
        assertThat(m.find()).as("a code in: " + mailText).isTrue();
        return m.group(1);
    }

    static String link(String mailText) {
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(mailText);
        assertThat(m.find()).as("a link in: " + mailText).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real 640×480 PNG: a coloured card with the name's first character. */
    static byte[] png(String name, Color color) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 200));
        g.drawString(name.substring(0, 1), 220, 310);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Nomination> list() {
        return new ArrayList<>();
    }
}
