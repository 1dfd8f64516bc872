package com.kyckeeper.audit.internal;

import org.springframework.context.ApplicationContext;

/** Benchmarks only: the sealer's regular pass on demand, so a measured round pays for sealing its own events. */
public final class SealerAccess {

    private SealerAccess() {
    }

    /** Seals what the regular pass would (no full scan, no forced checkpoint); returns the events sealed. */
    public static long sealPending(ApplicationContext ctx) {
        return ctx.getBean(Sealer.class).seal(false, false);
    }
}
