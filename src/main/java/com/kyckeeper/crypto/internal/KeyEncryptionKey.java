package com.kyckeeper.crypto.internal;

/** The master key. It wraps data keys and never leaves its keystore or HSM through this interface. */
interface KeyEncryptionKey {

    /** Identifies the KEK (alias) so that wrapped keys name the key that can open them. */
    String id();

    byte[] wrap(byte[] dataKey, byte[] associatedData);

    byte[] unwrap(byte[] wrapped, byte[] associatedData);
}
