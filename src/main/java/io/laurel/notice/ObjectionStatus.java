package io.laurel.notice;

public enum ObjectionStatus {
    OPEN,
    UPHELD,
    DISMISSED
}
