package io.laurel.intake.validation;

/** One thing wrong with a package, in Chinese: whom it concerns, what is wrong, what to do. */
public record Finding(String subject, String problem, String fix) {

    public String line() {
        return subject + "：" + problem + (fix == null || fix.isBlank() ? "" : "（" + fix + "）");
    }
}
