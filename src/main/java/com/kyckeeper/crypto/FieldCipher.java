package com.kyckeeper.crypto;

/**
 * Encrypts one field value with its owner's data key. The owner is the customer (or other key
 * holder) whose crypto-shredding must make the value unreadable. Null stays null.
 */
public interface FieldCipher {

    String encrypt(String owner, FieldRef field, String plaintext);

    /** @throws DecryptionFailedException when the value was tampered with, moved, or its key is gone */
    String decrypt(String owner, FieldRef field, String ciphertext);
}
