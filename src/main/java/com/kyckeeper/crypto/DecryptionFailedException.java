package com.kyckeeper.crypto;

/** A ciphertext could not be opened. The message never contains key material, plaintext or ciphertext. */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
