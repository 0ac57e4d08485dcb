package io.laurel.config;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up of the {@code mysql} profile when a secret is missing, naming the variable. Without it
 * Spring would fail later with an unresolved placeholder deep in a stack trace, or worse, start with
 * an empty password.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    static final List<String> MYSQL_PROFILE = List.of(
            "LAUREL_DB_URL", "LAUREL_DB_USER", "LAUREL_DB_PASSWORD",
            "LAUREL_ADMIN_USER", "LAUREL_ADMIN_PASSWORD",
            "LAUREL_SMTP_HOST", "LAUREL_MAIL_FROM",
            "LAUREL_IMAP_HOST", "LAUREL_IMAP_USER", "LAUREL_IMAP_PASSWORD",
            "LAUREL_PUBLIC_BASE_URL");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("mysql")) {
            return;
        }
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Laurel cannot start with profile 'mysql': missing required setting(s) "
                    + String.join(", ", missing)
                    + ". Set them as environment variables (see README.md, section Configuration).");
        }
    }

    static List<String> missing(ConfigurableEnvironment environment) {
        return MYSQL_PROFILE.stream().filter(name -> {
            String value = environment.getProperty(name);
            return value == null || value.isBlank();
        }).toList();
    }

    @Override
    public int getOrder() {
        // After the config data post-processor has settled the active profiles.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
