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

    /**
     * Every ciphertext column this module stores, as {@code table.column} in lower case: key rotation
     * must reach each of them before it destroys old key versions (a test checks the schema's
     * {@code *_ct} columns against the union).
     */
    java.util.Set<String> encryptedColumns();

    /**
     * Recomputes blind indexes that belong to no owner (login lockouts) under the current index key;
     * runs once when an index rotation has done every owner, before the old index keys are destroyed.
     */
    default int reindexUnowned() {
        return 0;
    }

    @FunctionalInterface
    interface FieldRewriter {
        String apply(FieldRef field, String ciphertext);
    }
}
