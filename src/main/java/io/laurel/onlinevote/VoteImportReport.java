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
 * @param summary        the outcome in one Chinese sentence
 * @param matched        each imported row: its row number, the entry it was matched to and its votes
 */
public record VoteImportReport(Long importId, int rowsRead, int imported, List<Rejection> rejected,
        List<String> ignoredColumns, String fatal, String summary, List<Match> matched) {

    public record Rejection(int row, String reason) {
    }

    public record Match(int row, long nominationId, String entry, long votes) {
    }
}
