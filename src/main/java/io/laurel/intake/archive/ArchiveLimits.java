package io.laurel.intake.archive;

/**
 * Limits that stop a zip bomb before it fills the disk.
 *
 * @param maxEntries        most entries an archive may hold
 * @param maxTotalBytes     most bytes all entries may unpack to
 * @param maxRatio          most unpacked bytes per archive byte read so far ...
 * @param ratioFloorBytes   ... checked once this many bytes have been unpacked (small files compress well)
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, int maxRatio, long ratioFloorBytes) {

    public ArchiveLimits {
        maxEntries = maxEntries > 0 ? maxEntries : 2000;
        maxTotalBytes = maxTotalBytes > 0 ? maxTotalBytes : 1024L * 1024 * 1024;
        maxRatio = maxRatio > 0 ? maxRatio : 100;
        ratioFloorBytes = ratioFloorBytes > 0 ? ratioFloorBytes : 16L * 1024 * 1024;
    }

    public static ArchiveLimits defaults() {
        return new ArchiveLimits(2000, 1024L * 1024 * 1024, 100, 16L * 1024 * 1024);
    }
}
