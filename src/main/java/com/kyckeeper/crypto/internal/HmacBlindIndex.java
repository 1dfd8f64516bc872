package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.CryptoSuite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA-256 or HMAC-SM3 under the index key (its own key, held like a data key). */
final class HmacBlindIndex implements BlindIndex {

    static final String INDEX_KEY_OWNER = "__blind-index__";

    private final DataKeys keys;

    HmacBlindIndex(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String of(String kind, String normalisedValue) {
        DataKeys.Dek key = keys.current(INDEX_KEY_OWNER);
        Supplier<Digest> digest = key.suite() == CryptoSuite.SM4_GCM_HMAC_SM3 ? SM3Digest::new : SHA256Digest::new;
        HMac mac = new HMac(digest.get());
        mac.init(new KeyParameter(key.key()));
        byte[] input = (kind + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
