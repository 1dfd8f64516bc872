package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.CryptoSuite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SHA-256 or HMAC-SM3 under the index key (its own key, held like a data key under a
 * reserved owner id). During an index-key rotation both versions exist and {@link #probes} gives both.
 */
final class HmacBlindIndex implements BlindIndex {

    static final String INDEX_KEY_OWNER = "__blind-index__";

    private final DataKeys keys;

    HmacBlindIndex(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String of(String kind, String normalisedValue) {
        return mac(keys.current(INDEX_KEY_OWNER), kind, normalisedValue);
    }

    @Override
    public List<String> probes(String kind, String normalisedValue) {
        return keys.all(INDEX_KEY_OWNER).stream().map(k -> mac(k, kind, normalisedValue)).toList();
    }

    private static String mac(DataKeys.Dek key, String kind, String normalisedValue) {
        Digest digest = key.suite() == CryptoSuite.SM4_GCM_HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key.key()));
        byte[] input = (kind + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
