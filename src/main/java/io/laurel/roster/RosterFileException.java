package io.laurel.roster;

/** The file cannot be imported at all; the message is the Chinese reason shown to the user. */
public class RosterFileException extends RuntimeException {

    public RosterFileException(String message) {
        super(message);
    }

    RosterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
