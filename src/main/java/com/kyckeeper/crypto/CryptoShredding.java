package com.kyckeeper.crypto;

import java.util.Collection;

/** Destroys an owner's data keys: every copy of its ciphertext becomes unreadable. */
public interface CryptoShredding {

    void shred(String owner);

    /** {@link #shred} for many owners at once (one statement), in the caller's transaction. */
    default void shredAll(Collection<String> owners) {
        owners.forEach(this::shred);
    }
}
