package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way to write a mail: a template per mail, each with the shared greeting and footer of mail/layout, and
 * every template used by some code (no dead templates); no Chinese mail text assembled in Java for a generic one.
 */
class MailTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/mail");
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void every_mail_uses_the_shared_greeting_and_footer() throws IOException {
        List<Path> mails = mails();
        assertThat(mails).hasSizeGreaterThan(20);
        for (Path mail : mails) {
            String html = Files.readString(mail, StandardCharsets.UTF_8);
            assertThat(html).as(mail.toString())
                    .contains("~{mail/layout :: greeting(")
                    .contains("~{mail/layout :: footer}")
                    .doesNotContain("自动发送") // the footer's words live in layout.html only
                    .contains("<title");
        }
    }

    @Test
    void every_template_is_sent_by_some_code_and_there_is_no_generic_notice() throws IOException {
        String java = javaSources();
        for (Path mail : mails()) {
            String name = mail.getFileName().toString().replace(".html", "");
            assertThat(java).as("code that sends %s", name).contains("\"" + name + "\"");
        }
        assertThat(TEMPLATES.resolve("notice.html")).doesNotExist();
        assertThat(TEMPLATES.resolve("welcome.html")).doesNotExist();
        assertThat(Pattern.compile("\\bNotice\\.of\\(|new Notice\\(").matcher(java).find()).isFalse();
    }

    @Test
    void links_come_from_the_public_base_url_not_from_the_request() {
        assertThat(Links.checked("https://awards.example.com/")).isEqualTo("https://awards.example.com");
        for (String wrong : List.of("", "awards.example.com", "ftp://awards.example.com", "https://x/?a=b")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Links.checked(wrong))
                    .hasMessageContaining("laurel.public-base-url");
        }
    }

    private static List<Path> mails() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> !f.getFileName().toString().equals("layout.html")).sorted().toList();
        }
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
