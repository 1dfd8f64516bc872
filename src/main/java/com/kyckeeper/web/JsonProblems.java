package com.kyckeeper.web;

import com.kyckeeper.shared.FieldViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON binding failure into the field it concerns, without the value that failed. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static FieldViolation violationOf(Throwable cause) {
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = path(je);
            if (je instanceof UnrecognizedPropertyException) {
                return new FieldViolation(field, "is not a known field");
            }
            if (je instanceof InvalidTypeIdException) {
                return new FieldViolation(field, "has an unknown type");
            }
            return new FieldViolation(field, "has an invalid value or type");
        }
        if (cause instanceof InvalidTypeIdException) {
            return new FieldViolation("type", "is required and must be a known type");
        }
        return new FieldViolation("body", "is not readable JSON");
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e instanceof InvalidTypeIdException && sb.isEmpty()) {
            return "type";
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

}
