package com.kyckeeper.crypto;

/** Destroys an owner's data keys: every copy of its ciphertext becomes unreadable. */
public interface CryptoShredding {

    void shred(String owner);
}
