package io.laurel.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored file of a message: an attachment ({@code ATTACHMENT}) or an entry of its archive ({@code ENTRY}). */
@Entity
@Table(name = "intake_file")
public class IntakeFile {

    public static final String ATTACHMENT = "ATTACHMENT";
    public static final String ENTRY = "ENTRY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Column(nullable = false, length = 16)
    private String origin;

    @Column(nullable = false, length = 1000)
    private String path;

    @Column(name = "content_type", length = 200)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_location", nullable = false, length = 500)
    private String storageLocation;

    protected IntakeFile() {
    }

    public IntakeFile(Long messageId, String origin, String path, String contentType, long sizeBytes, String sha256,
            String storageLocation) {
        this.messageId = messageId;
        this.origin = origin;
        this.path = path;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageLocation = storageLocation;
    }

    public Long getId() {
        return id;
    }

    public Long getMessageId() {
        return messageId;
    }

    public String getOrigin() {
        return origin;
    }

    public String getPath() {
        return path;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getStorageLocation() {
        return storageLocation;
    }
}
