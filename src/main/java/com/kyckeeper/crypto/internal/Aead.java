package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.CryptoSuite;
import com.kyckeeper.crypto.DecryptionFailedException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** GCM over AES or SM4 (BouncyCastle lightweight API), 128-bit tag. */
final class Aead {

    private Aead() {
    }

    static byte[] seal(CryptoSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        GCMModeCipher gcm = gcm(suite);
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        return run(gcm, plaintext);
    }

    static byte[] open(CryptoSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        GCMModeCipher gcm = gcm(suite);
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        return run(gcm, ciphertext);
    }

    private static byte[] run(GCMModeCipher gcm, byte[] input) {
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new DecryptionFailedException("Authentication tag mismatch: the value was altered or moved");
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static GCMModeCipher gcm(CryptoSuite suite) {
        BlockCipher engine = switch (suite) {
            case AES_256_GCM_HMAC_SHA256 -> AESEngine.newInstance();
            case SM4_GCM_HMAC_SM3 -> new SM4Engine();
        };
        return GCMBlockCipher.newInstance(engine);
    }
}
