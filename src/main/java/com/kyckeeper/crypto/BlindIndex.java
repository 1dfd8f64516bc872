package com.kyckeeper.crypto;

import java.util.List;

/** Keyed HMAC over a normalised value, for exact-match lookup and uniqueness on encrypted data. */
public interface BlindIndex {

    /**
     * The index value under the current index key: store this one.
     *
     * @param kind separates index domains (e.g. "RESIDENT_ID_CARD", "credit-code")
     */
    String of(String kind, String normalisedValue);

    /**
     * Every value a stored index may hold for this input, current key first: while an index-key
     * rotation is under way, rows not yet re-indexed still carry the old key's value. Look up and
     * check uniqueness with all of them.
     */
    default List<String> probes(String kind, String normalisedValue) {
        return List.of(of(kind, normalisedValue));
    }
}
