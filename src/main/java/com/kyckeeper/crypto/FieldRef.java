package com.kyckeeper.crypto;

/** Where a ciphertext lives; bound into the AEAD associated data so it cannot be moved. */
public record FieldRef(String table, String column, String recordId) {

    public FieldRef {
        if (table == null || column == null || recordId == null) {
            throw new IllegalArgumentException("table, column and record id are required");
        }
    }

}
