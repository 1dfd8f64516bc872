package com.kyckeeper.shared;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 ids (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits, written as the
 * usual 36-character string. Ids made one after another sort one after another, so bulk inserts append
 * to the right edge of primary-key and unique indexes instead of touching a random page per row.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** For ids that leave the service (URLs, answers): the random part keeps them unguessable. */
    public static String unguessable() {
        return of(System.currentTimeMillis(), RANDOM);
    }

    /** For internal row ids that must only be unique (an index enforces it): no SecureRandom lock. */
    public static String unique() {
        return of(System.currentTimeMillis(), ThreadLocalRandom.current());
    }

    static String of(long unixMillis, RandomGenerator random) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = 0x8000_0000_0000_0000L | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb).toString();
    }
}
