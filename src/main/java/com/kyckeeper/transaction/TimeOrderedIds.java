package com.kyckeeper.transaction;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Ids for transactions and cases: UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then 74
 * random bits — written as the usual 36-character string. Ids made one after another sort one after
 * another, so bulk intake appends to the right edge of the primary-key indexes instead of touching a
 * random page per row (fewer pages dirtied and logged). The random part keeps them unguessable.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    static String next() {
        return next(Clock.systemUTC().millis());
    }

    static String next(long unixMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb).toString();
    }
}
