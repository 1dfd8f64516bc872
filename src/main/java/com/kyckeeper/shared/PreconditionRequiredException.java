package com.kyckeeper.shared;

/** A change was sent without If-Match (428). */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
