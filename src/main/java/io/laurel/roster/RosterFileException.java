package io.laurel.roster;

/** The file cannot be imported at all; the message is the Chinese reason shown to the user. */
class RosterFileException extends RuntimeException {

    RosterFileException(String message) {
        super(message);
    }

    RosterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
