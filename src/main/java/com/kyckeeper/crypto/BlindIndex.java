package com.kyckeeper.crypto;

/** Keyed HMAC over a normalised value, for exact-match lookup and uniqueness on encrypted data. */
public interface BlindIndex {

    /** @param kind separates index domains (e.g. "RESIDENT_ID_CARD", "credit-code") */
    String of(String kind, String normalisedValue);
}
