package io.laurel.intake.validation;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * Reads what a file is and, for videos and articles, what the rules measure: MP4 duration and resolution
 * from the container (metadata-extractor), character counts of PDF (PDFBox) and Word (POI) articles.
 */
@Component
public class MediaInspector {

    /** The file's real type; the extension only tells apart formats that share a container (docx/xlsx, doc/xls). */
    public FileKind detect(InputStream content, String extension) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 8192);
        in.mark(8);
        byte[] head = in.readNBytes(5);
        in.reset();
        if (new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return FileKind.PDF;
        }
        FileType type = FileTypeDetector.detectFileType(in);
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        return switch (type) {
            case Mp4 -> FileKind.MP4;
            case QuickTime -> FileKind.QUICKTIME;
            case Avi -> FileKind.AVI;
            case Flv -> FileKind.FLV;
            case Swf -> FileKind.SWF;
            case Jpeg -> FileKind.JPEG;
            case Png -> FileKind.PNG;
            case Bmp, Gif, Tiff, Heif, WebP -> FileKind.OTHER_IMAGE;
            case Pdf -> FileKind.PDF;
            case Cfbf -> ext.equals("xls") ? FileKind.XLS : FileKind.DOC;
            case Zip -> switch (ext) {
                case "docx" -> FileKind.DOCX;
                case "xlsx" -> FileKind.XLSX;
                default -> FileKind.UNKNOWN;
            };
            default -> ext.equals("csv") ? FileKind.CSV : FileKind.UNKNOWN;
        };
    }

    /** Duration and picture size read from the MP4 container; null fields when the container lacks them. */
    public VideoInfo mp4(InputStream content) throws IOException {
        Metadata metadata = Mp4MetadataReader.readMetadata(content);
        Double seconds = null;
        Mp4Directory movie = metadata.getFirstDirectoryOfType(Mp4Directory.class);
        if (movie != null && movie.containsTag(Mp4Directory.TAG_DURATION)
                && movie.containsTag(Mp4Directory.TAG_TIME_SCALE)) {
            try {
                long duration = movie.getLong(Mp4Directory.TAG_DURATION);
                long scale = movie.getLong(Mp4Directory.TAG_TIME_SCALE);
                seconds = scale > 0 ? (double) duration / scale : null;
            } catch (com.drew.metadata.MetadataException e) {
                seconds = null;
            }
        }
        Integer width = null;
        Integer height = null;
        for (Mp4VideoDirectory video : metadata.getDirectoriesOfType(Mp4VideoDirectory.class)) {
            if (video.containsTag(Mp4VideoDirectory.TAG_WIDTH) && video.containsTag(Mp4VideoDirectory.TAG_HEIGHT)) {
                width = video.getInteger(Mp4VideoDirectory.TAG_WIDTH);
                height = video.getInteger(Mp4VideoDirectory.TAG_HEIGHT);
                break;
            }
        }
        return new VideoInfo(seconds, width, height);
    }

    /** Characters of an article without white space (how Chinese word counts are taken). */
    public int textLength(InputStream content, FileKind kind) throws IOException {
        String text = text(content, kind);
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }

    /** Words of an English text: runs of characters between white space that hold a letter or digit. */
    public int wordCount(InputStream content, FileKind kind) throws IOException {
        return (int) java.util.Arrays.stream(text(content, kind).split("[\\s\\p{Z}]+"))
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
    }

    private static String text(InputStream content, FileKind kind) throws IOException {
        return switch (kind) {
            case PDF -> {
                try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
                    yield new PDFTextStripper().getText(pdf);
                }
            }
            case DOCX -> {
                try (XWPFWordExtractor word = new XWPFWordExtractor(new XWPFDocument(content))) {
                    yield word.getText();
                }
            }
            case DOC -> {
                try (WordExtractor word = new WordExtractor(content)) {
                    yield word.getText();
                }
            }
            default -> throw new IllegalArgumentException("No text in a " + kind + " file");
        };
    }

    public record VideoInfo(Double durationSeconds, Integer width, Integer height) {
    }
}
