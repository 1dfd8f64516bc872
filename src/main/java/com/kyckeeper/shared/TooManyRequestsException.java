package com.kyckeeper.shared;

import java.time.Duration;

/** A per-user rate limit is used up (429); {@code retryAfter} says when the next attempt may pass. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
