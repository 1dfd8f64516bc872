package com.kyckeeper.shared;

/** The request conflicts with the current state (409). The field, when known, is named. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public ConflictException(String message) {
        this(null, message);
    }

    public String field() {
        return field;
    }
}
