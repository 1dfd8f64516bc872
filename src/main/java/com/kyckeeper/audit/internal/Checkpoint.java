package com.kyckeeper.audit.internal;

import java.time.Instant;

/** A signed statement that the chain's entry at {@code chainPos} (event {@code seq}) has hash {@code chainHash}. */
public record Checkpoint(long chainPos, long seq, String chainHash, Instant signedAt, String suite, String keyId,
                         String signature) {
}
