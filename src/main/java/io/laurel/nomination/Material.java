package io.laurel.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file handed in for a nomination (or, with no nomination, for a unit's package). The bytes are in
 * the file store under their sha256; this row is what the process and the staff refer to.
 */
@Entity
@Table(name = "material")
public class Material {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "nomination_id")
    private Long nominationId;

    @Column(nullable = false, length = 64)
    private String kind;

    @Column(name = "original_file_name", nullable = false, length = 500)
    private String originalFileName;

    @Column(name = "content_type", length = 200)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_location", nullable = false, length = 500)
    private String storageLocation;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected Material() {
    }

    public Material(Long campaignId, Long nominationId, String kind, String originalFileName, String contentType,
            long sizeBytes, String sha256, String storageLocation, Instant receivedAt) {
        this.campaignId = campaignId;
        this.nominationId = nominationId;
        this.kind = kind;
        this.originalFileName = originalFileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageLocation = storageLocation;
        this.receivedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getNominationId() {
        return nominationId;
    }

    public String getKind() {
        return kind;
    }

    public String getOriginalFileName() {
        return originalFileName;
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

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
