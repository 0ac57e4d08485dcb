package io.laurel.identity;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Enterprise login (profile {@code ldap}, settings in application-ldap.yml and docs/operations.md): Camunda's
 * LDAP identity provider replaces Camunda's own user tables, so Tasklist, Cockpit, the engine REST API and
 * Laurel's API all log in against the directory. A directory group whose id (by default its cn) is one of
 * Laurel's groups ({@code hr}, {@code committee}, {@code department-heads}, {@code association-staff},
 * {@code judges-expert}, {@code judges-audience}, {@code camunda-admin}) gets that group's authorizations.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class LdapIdentity {

    /** Every {@code laurel.ldap.*} setting is a property of Camunda's plugin (server-url, base-dn, ...). */
    @Bean
    @ConfigurationProperties("laurel.ldap")
    LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
        return new LdapIdentityProviderPlugin();
    }

    /** Members of this directory group are Camunda administrators (the engine's own tables are not used). */
    @Bean
    AdministratorAuthorizationPlugin ldapAdministrators(
            @Value("${laurel.ldap-administrator-group:" + LaurelGroups.ADMIN + "}") String group) {
        AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
        plugin.setAdministratorGroupName(group);
        return plugin;
    }
}
