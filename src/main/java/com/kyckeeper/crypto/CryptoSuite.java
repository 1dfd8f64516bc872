package com.kyckeeper.crypto;

/** The configured algorithm suite: AEAD for fields, HMAC for blind indexes. */
public enum CryptoSuite {
    /** AES-256-GCM + HMAC-SHA-256, the international default. */
    AES_256_GCM_HMAC_SHA256((byte) 1, 32),
    /** SM4-GCM + HMAC-SM3 (国密). */
    SM4_GCM_HMAC_SM3((byte) 2, 16);

    private final byte code;
    private final int keyLength;

    CryptoSuite(byte code, int keyLength) {
        this.code = code;
        this.keyLength = keyLength;
    }

    public byte code() {
        return code;
    }

    public int keyLength() {
        return keyLength;
    }

    public static CryptoSuite ofCode(byte code) {
        for (CryptoSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new DecryptionFailedException("unknown suite in ciphertext header");
    }
}
