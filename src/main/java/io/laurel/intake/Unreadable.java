package io.laurel.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.util.Locale;

/** A mail that cannot be read, with the reason in words for staff and the sender (Chinese). */
final class Unreadable extends MessagingException {

    private final String reason;

    Unreadable(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The reason for whatever the MIME parser threw; a generic one where nothing more specific is known. */
    static String reasonOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Unreadable u) {
                return u.reason;
            }
            if (t instanceof StackOverflowError) {
                return "邮件嵌套层数过多";
            }
            if (t instanceof UnsupportedEncodingException) {
                return "邮件使用了无法识别的字符集或编码（" + t.getMessage() + "）";
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("boundary")) {
                return "邮件的分段结构（MIME 分隔线）已损坏或不完整";
            }
            if (message.contains("unknown encoding")) {
                return "邮件使用了无法识别的传输编码";
            }
            if (message.contains("base64") || message.contains("encoded stream") || message.contains("decod")) {
                return "附件编码已损坏，无法解码";
            }
            if (t instanceof ParseException) {
                return "邮件头格式错误，无法解析（" + t.getMessage() + "）";
            }
        }
        return "邮件格式已损坏，无法解析";
    }

    @Override
    public String getMessage() {
        return reason;
    }
}
