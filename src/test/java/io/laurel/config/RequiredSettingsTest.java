package io.laurel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTest {

    private final RequiredSettings check = new RequiredSettings();

    @Test
    void mysql_profile_without_secrets_stops_naming_each_missing_variable() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("mysql");
        env.setProperty("LAUREL_DB_URL", "jdbc:mysql://db/laurel");
        env.setProperty("LAUREL_DB_USER", "laurel");

        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LAUREL_DB_PASSWORD")
                .hasMessageContaining("LAUREL_ADMIN_PASSWORD")
                .hasMessageNotContaining("LAUREL_DB_URL,");
    }

    @Test
    void a_blank_value_counts_as_missing() {
        MockEnvironment env = complete();
        env.setProperty("LAUREL_ADMIN_PASSWORD", "  ");

        assertThat(RequiredSettings.missing(env)).containsExactly("LAUREL_ADMIN_PASSWORD");
    }

    @Test
    void mysql_profile_with_every_secret_starts() {
        assertThatCode(() -> check.postProcessEnvironment(complete(), new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void demo_profile_needs_no_secrets() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("demo");

        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    private static MockEnvironment complete() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("mysql");
        RequiredSettings.MYSQL_PROFILE.forEach(name -> env.setProperty(name, "value-of-" + name));
        return env;
    }
}
