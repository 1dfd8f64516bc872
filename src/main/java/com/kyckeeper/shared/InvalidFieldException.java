package com.kyckeeper.shared;

/**
 * Thrown by value objects that refuse invalid data. The field is relative to the value object
 * (empty for the value itself); callers prefix it with the path they know.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidFieldException(String message) {
        this("", message);
    }

    public String field() {
        return field;
    }

    public FieldViolation under(String prefix) {
        String path = prefix == null || prefix.isEmpty() ? field
                : field.isEmpty() ? prefix : prefix + "." + field;
        return new FieldViolation(path, getMessage());
    }
}
