package com.kyckeeper.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The canonical byte form of an event that MACs and hashes are computed over: a tag, then every
 * field in a fixed order, numbers as 8 big-endian bytes, strings as a 4-byte length (-1 for null)
 * and UTF-8. Unambiguous, so no two different events share an encoding. Reuses one buffer: not
 * thread-safe.
 */
public final class Canonical {

    private static final byte[] CONTENT_TAG = "KYC-AE1C".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTRY_TAG = "KYC-AE1E".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[512];
    private int len;

    public byte[] buffer() {
        return buf;
    }

    /** What the event's MAC covers: everything the service wrote except seq (assigned by the database). */
    public int content(EventFields e) {
        len = 0;
        put(CONTENT_TAG);
        fields(e);
        return len;
    }

    /** What the chain hash covers: seq, every field and the MAC. */
    public int entry(EventFields e) {
        len = 0;
        put(ENTRY_TAG);
        putLong(e.seq());
        fields(e);
        putString(e.mac());
        return len;
    }

    private void fields(EventFields e) {
        putLong(micros(e.at()));
        putString(e.actor());
        putString(e.role());
        putString(e.action());
        putString(e.customerId());
        putString(e.purpose());
        putString(e.outcome());
        putString(e.clientAddress());
        putString(e.requestId());
        putString(e.detail());
        putString(e.eventId());
    }

    public static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (i * 8));
        }
    }

    private void putInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putString(String s) {
        if (s == null) {
            putInt(-1);
            return;
        }
        // For ASCII text the JDK's encoder is a vectorised check and one array copy.
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        put(utf8);
    }
}
