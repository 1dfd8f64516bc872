package com.kyckeeper.shared;

/** One invalid field: its JSON path and why. Never carries the rejected value. */
public record FieldViolation(String field, String message) {
}
