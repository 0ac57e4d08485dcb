package io.laurel.vote;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.math.ec.ECPoint;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Custody of each vote's ElGamal key. The public key is in the database (table {@code ballot_key}); the private
 * key is only in a file {@code <key id>.key} under {@code laurel.ballot.key-dir}, a directory that must lie outside
 * the data directory (so outside the database files and their backups; checked at start-up). It lives from the
 * opening of the vote to the commit of the tally and is then overwritten and deleted: afterwards the stored
 * ballots can be opened by nobody, only the totals remain. Why a key file rather than trustee shares: see
 * docs/ballot-secrecy.md.
 */
@Component
class BallotKeys {

    private static final Logger LOG = LoggerFactory.getLogger(BallotKeys.class);

    private final JdbcTemplate jdbc;
    private final Path directory;

    BallotKeys(JdbcTemplate jdbc, @Value("${laurel.ballot.key-dir}") Path directory,
            @Value("${laurel.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.directory = directory.toAbsolutePath().normalize();
        Path data = dataDir.toAbsolutePath().normalize();
        if (this.directory.startsWith(data)) {
            throw new IllegalStateException("laurel.ballot.key-dir (" + this.directory + ") lies inside laurel.data-dir ("
                    + data + "): ballot keys must not be stored or backed up with the database. Choose a directory "
                    + "outside it (docs/ballot-secrecy.md).");
        }
    }

    /** The vote's public key; created (key file first, then the row) when the vote opens. */
    ECPoint openVote(Long campaignId) {
        Optional<ECPoint> existing = publicKey(campaignId);
        if (existing.isPresent()) {
            return existing.get();
        }
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generateKeyPair();
        String keyId = UUID.randomUUID().toString();
        write(file(keyId), pair.privateKey());
        // If this transaction rolls back, the file is an orphan no row points to; the next opening makes a new key.
        jdbc.update("insert into ballot_key (campaign_id, key_id, public_key, tallied) values (?, ?, ?, ?)", campaignId,
                keyId, ExponentialElGamal.encode(pair.publicKey()), false);
        LOG.info("Ballot key {} created for campaign {}", keyId, campaignId);
        return pair.publicKey();
    }

    Optional<ECPoint> publicKey(Long campaignId) {
        return jdbc.query("select public_key from ballot_key where campaign_id = ?",
                (rs, i) -> ExponentialElGamal.point(rs.getBytes(1)), campaignId).stream().findFirst();
    }

    /** The private key, checked against the public key; a clear incident when the file is gone. */
    BigInteger privateKey(Long campaignId) {
        String keyId = keyId(campaignId).orElseThrow(() -> new ProcessEngineException(
                "计票失败:活动 " + campaignId + " 没有投票密钥记录 (no ballot key row)"));
        Path file = file(keyId);
        BigInteger x;
        try {
            x = new BigInteger(Files.readString(file, StandardCharsets.US_ASCII).trim(), 16);
        } catch (IOException | NumberFormatException e) {
            throw new ProcessEngineException("计票失败:找不到或无法读取投票密钥文件 " + file
                    + "。选票无法解密,请联系系统管理员恢复该文件 (ballot key file missing or unreadable)", e);
        }
        if (!ExponentialElGamal.G.multiply(x).normalize().equals(publicKey(campaignId).orElseThrow())) {
            throw new ProcessEngineException("计票失败:投票密钥文件 " + file + " 与本次投票的公钥不符 (key mismatch)");
        }
        return x;
    }

    /** Part of the tally's transaction: from its commit on, the key is destroyed (see {@link #destroy}). */
    void markTallied(Long campaignId) {
        jdbc.update("update ballot_key set tallied = ? where campaign_id = ?", true, campaignId);
    }

    /** Overwrites and deletes the key file of a tallied vote; safe to repeat. */
    void destroy(Long campaignId) {
        keyId(campaignId).ifPresent(keyId -> {
            Path file = file(keyId);
            try {
                if (Files.exists(file)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(new byte[(int) Math.max(channel.size(), 64)]));
                        channel.force(true);
                    }
                    Files.delete(file);
                    LOG.info("Ballot key {} of campaign {} destroyed after the tally", keyId, campaignId);
                }
            } catch (IOException e) {
                LOG.error("Could not destroy ballot key file {} of campaign {}; delete it by hand", file, campaignId, e);
            }
        });
    }

    /** A crash between the tally's commit and the deletion leaves a key file: delete it at the next start. */
    @EventListener(ApplicationReadyEvent.class)
    void destroyKeysOfTalliedVotes() {
        List<Long> tallied = jdbc.queryForList("select campaign_id from ballot_key where tallied = ?", Long.class, true);
        tallied.forEach(this::destroy);
    }

    Path file(String keyId) {
        return directory.resolve(keyId + ".key");
    }

    Path directory() {
        return directory;
    }

    Optional<String> keyId(Long campaignId) {
        return jdbc.queryForList("select key_id from ballot_key where campaign_id = ?", String.class, campaignId).stream()
                .findFirst();
    }

    private void write(Path file, BigInteger privateKey) {
        try {
            Files.createDirectories(directory);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((privateKey.toString(16) + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("ballot key file " + file + " exists already", e);
        } catch (IOException e) {
            throw new ProcessEngineException("无法写入投票密钥文件 " + file + ",投票未开启 (cannot write ballot key)", e);
        }
    }
}
