package io.laurel.intake.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds active content in a PDF: JavaScript ({@code /JS}, {@code /JavaScript}), launching programs
 * ({@code /Launch}) and actions run on opening ({@code /OpenAction}). Two looks: the raw bytes (names may be
 * written with {@code #xx} escapes), and every object PDFBox parses, which includes objects packed into
 * compressed object streams. A file PDFBox cannot parse is judged by its raw bytes only.
 */
final class PdfActiveContent {

    static final Set<String> ACTIVE = Set.of("JS", "JavaScript", "Launch", "OpenAction");
    private static final Pattern NAME = Pattern.compile("/([A-Za-z0-9#]{2,20})");
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private PdfActiveContent() {
    }

    /** The first active name found, as written in the PDF (e.g. "/JavaScript"), or null. */
    static String find(InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_BYTES);
        String raw = rawName(new String(bytes, StandardCharsets.ISO_8859_1));
        if (raw != null) {
            return raw;
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.getDocumentCatalog().getCOSObject().containsKey(COSName.getPDFName("OpenAction"))) {
                return "/OpenAction";
            }
            for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary dictionary) {
                    for (COSName name : dictionary.keySet()) {
                        if (ACTIVE.contains(name.getName())) {
                            return "/" + name.getName();
                        }
                    }
                    COSBase type = dictionary.getDictionaryObject(COSName.S);
                    if (type instanceof COSName s && ACTIVE.contains(s.getName())) {
                        return "/" + s.getName();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not parseable: the raw look above is all we can do; the file is still only what its bytes say.
        }
        return null;
    }

    private static String rawName(String text) {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String decoded = name.indexOf('#') < 0 ? name : unescape(name);
            if (ACTIVE.contains(decoded)) {
                return "/" + decoded;
            }
        }
        return null;
    }

    private static String unescape(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '#' && i + 2 < name.length()) {
                try {
                    out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the '#'
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
