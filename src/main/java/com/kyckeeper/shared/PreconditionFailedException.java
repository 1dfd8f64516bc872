package com.kyckeeper.shared;

/** If-Match named a version that is no longer current (412). */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
