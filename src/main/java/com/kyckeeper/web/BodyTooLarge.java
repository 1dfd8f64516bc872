package com.kyckeeper.web;

import java.io.IOException;

/** Thrown by the counted request stream when a body without (or with a false) Content-Length runs over the limit. */
final class BodyTooLarge extends IOException {

    BodyTooLarge() {
        super("The request body is over the limit");
    }

    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }
}
