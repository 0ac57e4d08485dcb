package io.laurel.organisation;

import io.laurel.mail.MailService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New Camunda users get no usable password: they get a mail with a one-time link (valid {@link #VALID}) to a page where
 * they set one themselves. Only the token's SHA-256 is stored; a used or newer link kills the older ones.
 */
@Service
public class Invitations {

    static final Duration VALID = Duration.ofDays(7);
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final MailService mail;
    private final IdentityService identity;
    private final Clock clock;

    Invitations(JdbcTemplate jdbc, MailService mail, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.identity = identity;
        this.clock = clock;
    }

    /** Creates the user (with a password nobody knows) in the caller's transaction and queues the invitation (sent after commit). */
    @Transactional
    public void createAndInvite(String userId, String name, String email, List<String> groups, String baseUrl,
            String why) {
        User user = identity.newUser(userId);
        user.setFirstName(name);
        user.setLastName("");
        user.setEmail(email);
        // A random password nobody knows: no login until the person sets their own (a user without any password
        // makes the engine's password check fail with an exception instead of a plain "no").
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        user.setPassword(HexFormat.of().formatHex(secret));
        identity.saveUser(user);
        groups.forEach(g -> identity.createMembership(userId, g));
        invite(userId, baseUrl, why);
    }

    /** Mails a new one-time link to an existing user (also to reset a forgotten password). */
    @Transactional
    public void invite(String userId, String baseUrl, String why) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        Instant now = clock.instant();
        jdbc.update("update user_invitation set used_at = ? where user_id = ? and used_at is null",
                Timestamp.from(now), userId);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.update("insert into user_invitation (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)",
                hash(token), userId, Timestamp.from(now), Timestamp.from(now.plus(VALID)));
        mail.queue(user.getEmail(), "account-invitation", java.util.Map.of("name", user.getFirstName(), "why", why,
                "userId", userId, "validDays", VALID.toDays(), "link", baseUrl + "/staff/invitation?token=" + token));
    }

    /** The user a still valid link belongs to. */
    public Optional<String> userOf(String token) {
        if (token == null || !token.matches("[0-9a-f]{48}")) {
            return Optional.empty();
        }
        return jdbc.queryForList("select user_id from user_invitation where token_hash = ? and used_at is null "
                + "and expires_at > ?", String.class, hash(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Sets the password and spends the link; empty when it worked, else the Chinese reason. */
    @Transactional
    public Optional<String> setPassword(String token, String password, String repeated) {
        Optional<String> userId = userOf(token);
        if (userId.isEmpty()) {
            return Optional.of("邀请链接无效、已使用或已过期,请联系人力资源部或协会秘书处重新发送邀请。");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_PASSWORD_LENGTH + " 个字符。");
        }
        if (!password.equals(repeated)) {
            return Optional.of("两次输入的密码不一致。");
        }
        User user = identity.createUserQuery().userId(userId.get()).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
        jdbc.update("update user_invitation set used_at = ? where token_hash = ?", Timestamp.from(clock.instant()),
                hash(token));
        return Optional.empty();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
