package com.kyckeeper.crypto;

/**
 * Published when a stored value fails to decrypt (tampered, moved, wrong or destroyed key): an
 * integrity incident worth an alert. Names where, never what: no plaintext, ciphertext or key.
 */
public record DecryptionFailed(String table, String column, String recordId, String reason) {
}
