package io.laurel.intake.archive;

import java.util.List;

/** What unpacking an attachment gave: its files, or the reason the archive was refused. */
public sealed interface UnpackResult {

    record Unpacked(List<UnpackedEntry> entries) implements UnpackResult {
    }

    record Refused(Reason reason, String detail) implements UnpackResult {
    }

    enum Reason {
        /** Another archive type (RAR, 7z, gzip ...). */
        UNSUPPORTED_TYPE,
        /** An entry's path leaves the archive's folder. */
        ZIP_SLIP,
        /** Too many entries, too many bytes, or an impossible compression ratio. */
        ZIP_BOMB,
        /** Password protected. */
        ENCRYPTED,
        /** Truncated or damaged. */
        CORRUPT,
        /** No files in it. */
        EMPTY
    }
}
