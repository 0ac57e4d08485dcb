package io.laurel.portal;

import io.laurel.mail.MailService;
import io.laurel.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Six-digit one-time codes mailed through the outbox: they prove that a visitor reads the mailbox of an
 * employee on the roster (nominations) or of the email they vote with. Only a hash is stored; a code
 * expires after {@link #VALID}, is spent by its first successful use and dies after {@link #MAX_ATTEMPTS}
 * wrong guesses. A new code replaces the older ones of the same subject.
 */
@Component
class OneTimeCodes {

    enum Purpose { NOMINATE, VOTE }

    static final Duration VALID = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;

    /**
     * One generator per thread: the JVM's default SecureRandom (NativePRNG) serialises every caller on one lock,
     * which a burst of code requests queued on (benchmark P6's profile). DRBG instances are independent, each
     * seeded from the system's entropy.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(OneTimeCodes::newRandom);
    private final JdbcTemplate jdbc;
    private final MailService mail;
    private final PortalTime time;
    private final TransactionTemplate separately;

    OneTimeCodes(JdbcTemplate jdbc, MailService mail, PortalTime time, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.time = time;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores a new code for the subject and queues the mail with it (sent after commit). */
    @Transactional
    void issue(long campaignId, String campaignName, Purpose purpose, String subject, String email, String ip) {
        Instant now = time.now();
        jdbc.update("update portal_code set used_at = ? where campaign_id = ? and purpose = ? and subject = ? "
                + "and used_at is null", Timestamp.from(now), campaignId, purpose.name(), subject);
        String code = String.format("%06d", RANDOM.get().nextInt(1_000_000));
        jdbc.update("insert into portal_code (campaign_id, purpose, subject, email, code_hash, attempts, expires_at, "
                        + "created_at, client_ip) values (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                campaignId, purpose.name(), subject, email, hash(subject, code), Timestamp.from(now.plus(VALID)),
                Timestamp.from(now), ip);
        mail.queue(email, "portal-code", Map.of("campaignName", campaignName, "code", code,
                "purpose", purpose == Purpose.VOTE ? "网络投票" : "提名", "minutes", VALID.toMinutes()));
    }

    /**
     * Spends the subject's current code if {@code code} matches, in the caller's transaction if there is one (a
     * nomination refused later keeps its code usable). Each check first uses up one attempt, committed on its
     * own, so a wrong guess counts although the caller rolls back, and parallel guesses cannot exceed the limit.
     */
    void spend(long campaignId, Purpose purpose, String subject, String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.badRequest("code", "验证码: 必填 (请先获取验证码,查看邮件后填写)");
        }
        // A row mapper rather than queryForList: MySQL's driver answers DATETIME as LocalDateTime, H2 as Timestamp.
        List<Current> rows = jdbc.query("select id, code_hash, attempts, expires_at from portal_code "
                        + "where campaign_id = ? and purpose = ? and subject = ? and used_at is null order by id desc",
                (rs, i) -> new Current(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()),
                campaignId, purpose.name(), subject);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("code", "验证码无效:请先获取验证码");
        }
        Current row = rows.get(0);
        long id = row.id();
        Instant expires = row.expiresAt();
        Instant now = time.now();
        if (now.isAfter(expires)) {
            throw ApiException.badRequest("code", "验证码已过期(有效期 " + VALID.toMinutes() + " 分钟),请重新获取");
        }
        // Every check spends one of the MAX_ATTEMPTS first, atomically and committed on its own: parallel
        // guesses (on one node or several) cannot all read "0 attempts" and be checked; the sixth finds none left.
        // Inside a caller's transaction the attempt commits separately (it counts although the caller rolls
        // back); without one (the vote's verification) the statement commits by itself, on the same connection.
        int spent = onItsOwn("update portal_code set attempts = attempts + 1 where id = ? and attempts < ?", id,
                MAX_ATTEMPTS);
        if (spent == 0) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
                    "验证码错误次数过多,已失效,请重新获取", "code");
        }
        if (!MessageDigest.isEqual(hash(subject, code.trim()).getBytes(StandardCharsets.US_ASCII),
                row.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            Integer used = jdbc.queryForObject("select attempts from portal_code where id = ?", Integer.class, id);
            throw ApiException.badRequest("code", "验证码错误,请核对邮件中的 6 位数字(还可尝试 "
                    + Math.max(0, MAX_ATTEMPTS - (used == null ? MAX_ATTEMPTS : used)) + " 次)");
        }
        // A right code gives its attempt back: only wrong guesses use them up (a nomination refused after the
        // code was checked keeps the code usable).
        onItsOwn("update portal_code set attempts = attempts - 1 where id = ? and attempts > 0", id);
        if (jdbc.update("update portal_code set used_at = ? where id = ? and used_at is null", Timestamp.from(now), id)
                != 1) {
            throw ApiException.badRequest("code", "验证码已使用,请重新获取");
        }
    }

    /** Runs an update committed on its own: separately inside a caller's transaction, else by auto-commit. */
    private int onItsOwn(String sql, Object... args) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Integer n = separately.execute(s -> jdbc.update(sql, args));
            return n == null ? 0 : n;
        }
        return jdbc.update(sql, args);
    }

    private record Current(long id, String codeHash, int attempts, Instant expiresAt) {
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    static String hash(String subject, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((subject + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
