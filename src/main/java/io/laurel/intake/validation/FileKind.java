package io.laurel.intake.validation;

/** What a file really is, read from its first bytes (never from its extension alone). */
public enum FileKind {
    MP4, QUICKTIME, AVI, FLV, SWF, JPEG, PNG, OTHER_IMAGE, PDF, DOC, DOCX, XLSX, XLS, CSV, UNKNOWN;

    public boolean isImage() {
        return this == JPEG || this == PNG || this == OTHER_IMAGE;
    }

    public boolean isVideo() {
        return this == MP4 || this == QUICKTIME || this == AVI || this == FLV || this == SWF;
    }

    public boolean isWord() {
        return this == DOC || this == DOCX;
    }

    /** The format names the presets use ({@code formats}: mp4, avi, flv, swf, pdf, doc, docx). */
    public String formatName() {
        return switch (this) {
            case MP4 -> "mp4";
            case QUICKTIME -> "mov";
            case AVI -> "avi";
            case FLV -> "flv";
            case SWF -> "swf";
            case PDF -> "pdf";
            case DOC -> "doc";
            case DOCX -> "docx";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
