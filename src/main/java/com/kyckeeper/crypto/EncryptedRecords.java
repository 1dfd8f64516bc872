package com.kyckeeper.crypto;

/**
 * SPI for key rotation: a module that stores field ciphertext or blind indexes registers a bean
 * of this type, so that rotation can re-encrypt and re-index one owner's values. Both methods run
 * inside the rotation's batch transaction; implementations lock the owner's rows so concurrent
 * writes wait and never lose an update.
 */
public interface EncryptedRecords {

    /** Replaces every non-null ciphertext of the owner with {@code rewrite.apply(field, ciphertext)}; returns how many. */
    int reencrypt(String owner, FieldRewriter rewrite);

    /** Recomputes the owner's blind indexes with {@link BlindIndex#of} (the current index key); returns how many. */
    int reindex(String owner);

    @FunctionalInterface
    interface FieldRewriter {
        String apply(FieldRef field, String ciphertext);
    }
}
