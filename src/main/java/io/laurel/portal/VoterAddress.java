package io.laurel.portal;

import io.laurel.web.ApiException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who a voter is: the mailbox behind an address, so the tag and dot variants a provider delivers to one
 * mailbox are one voter (one vote per entry and day). Lower case everywhere; for the providers below
 * everything from the first {@code +} of the local part is dropped, and for Gmail the dots too (Gmail ignores
 * them). Providers not listed are taken literally: for them {@code a+b} and {@code a.b} may be other mailboxes.
 * The list is in docs/online-vote.md.
 */
final class VoterAddress {

    /** Domains that are another name of the same mailboxes. */
    static final Map<String, String> SAME_MAILBOXES = Map.of("googlemail.com", "gmail.com");

    /** Domains whose local part ignores dots. */
    static final Set<String> IGNORE_DOTS = Set.of("gmail.com");

    /** Domains that deliver {@code name+anything} to {@code name}. */
    static final Set<String> PLUS_TAGS = Set.of("gmail.com", "qq.com", "foxmail.com", "163.com", "126.com",
            "yeah.net", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "fastmail.com");

    private VoterAddress() {
    }

    /** The voter's mailbox, or 400 with a Chinese reason when the address is not one. */
    static String normalise(String email) {
        ApiException.requireText(email, "email", "邮箱");
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!PortalNominations.EMAIL.matcher(address).matches() || address.length() > 200) {
            throw ApiException.badRequest("email", "邮箱格式不正确: " + email.trim());
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = SAME_MAILBOXES.getOrDefault(address.substring(at + 1), address.substring(at + 1));
        if (PLUS_TAGS.contains(domain) && local.indexOf('+') >= 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (IGNORE_DOTS.contains(domain)) {
            local = local.replace(".", "");
        }
        if (local.isEmpty()) {
            throw ApiException.badRequest("email", "邮箱格式不正确: " + email.trim());
        }
        return local + "@" + domain;
    }
}
