package io.laurel.onlinevote;

/** The vote file cannot be read as a whole; the message is the Chinese reason given to the uploader. */
class VoteFileException extends RuntimeException {

    VoteFileException(String message) {
        super(message);
    }
}
