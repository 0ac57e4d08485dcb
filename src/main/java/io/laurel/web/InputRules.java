package io.laurel.web;

import java.time.LocalDate;

/**
 * The input checks every entry point shares (API, portal, intake): required text, length, invisible
 * direction controls, dates within a sane range, file names. One rule, one place, one Chinese answer.
 */
public final class InputRules {

    /** Names, contacts, short labels: the database columns hold 200 characters. */
    public static final int SHORT = 200;
    /** Reasons, service cases and other free text. */
    public static final int LONG = 5000;
    /** File names as stored (material.original_file_name holds 500; file systems 255 bytes). */
    public static final int FILE_NAME = 255;
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private InputRules() {
    }

    /** Required text of at most {@code maxChars} characters without direction controls; returns it trimmed. */
    public static String requireText(String value, String field, String label, int maxChars) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + ": 必填 (" + label + ")");
        }
        return optionalText(value, field, label, maxChars);
    }

    /** Optional text: null stays null; otherwise the same rules as {@link #requireText}. */
    public static String optionalText(String value, String field, String label, int maxChars) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxChars) {
            throw ApiException.badRequest(field, field + ": 「" + label + "」最多 " + maxChars + " 个字符,收到 " + length
                    + " 个");
        }
        String problem = invisibleControlProblem(trimmed);
        if (problem != null) {
            throw ApiException.badRequest(field, field + ": 「" + label + "」" + problem + ",请删除后重新提交");
        }
        return trimmed;
    }

    /** A file name: no direction or control characters, at most {@link #FILE_NAME} characters. */
    public static String fileName(String name, String field) {
        return requireText(name, field, "文件名", FILE_NAME);
    }

    /** A date a campaign may plausibly use; null stays null (the caller's default). */
    public static LocalDate dateInRange(LocalDate date, String field, String label) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw ApiException.badRequest(field, field + ": 「" + label + "」须在 " + EARLIEST + " 至 " + LATEST
                    + " 之间,收到 " + date);
        }
        return date;
    }

    /**
     * Why a text must be refused, or null: bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F,
     * U+061C) turn "photo\u202Egpj.exe" into what looks like "photoexe.jpg", and other control characters
     * (except tab and line breaks) have no place in a name.
     */
    public static String invisibleControlProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBidiControl(c)) {
                return String.format("含有不可见的文字方向控制字符 U+%04X(可用来把 .exe 伪装成 .jpg 等)", (int) c);
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return String.format("含有不可见的控制字符 U+%04X", (int) c);
            }
        }
        return null;
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
