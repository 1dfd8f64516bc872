package com.kyckeeper.crypto.internal;

/**
 * The master keys. Data keys are wrapped under the current one and name it ({@link #id()}), so
 * keys wrapped under an older master key still open until KEK rotation has re-wrapped them. The
 * key material never leaves its keystore or HSM through this interface.
 */
interface KeyEncryptionKey {

    /** The current master key's id (its alias or token label). */
    String id();

    /** Wraps under the current master key. */
    byte[] wrap(byte[] dataKey, byte[] associatedData);

    /** Unwraps with the master key the data key was wrapped under. */
    byte[] unwrap(String kekId, byte[] wrapped, byte[] associatedData);

    /** Creates a new master key beside the old ones and makes it current; returns its id. */
    String rotate();
}
