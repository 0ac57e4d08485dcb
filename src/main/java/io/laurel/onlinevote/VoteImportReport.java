package io.laurel.onlinevote;

import java.util.List;

/**
 * The outcome of one vote-file upload, returned as JSON. When {@code fatal} is set no count changed.
 *
 * @param importId       the stored upload (table vote_import; the original file is in the file store)
 * @param rowsRead       non-blank data rows below the header
 * @param imported       entries whose import count was set
 * @param rejected       rows not imported, with the row number Excel shows and the reason (Chinese)
 * @param ignoredColumns header cells that match no known column
 * @param fatal          why the whole file was refused, or null
 */
public record VoteImportReport(Long importId, int rowsRead, int imported, List<Rejection> rejected,
        List<String> ignoredColumns, String fatal) {

    public record Rejection(int row, String reason) {
    }
}
