package com.kyckeeper.audit.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.BigIntegers;

/** Checkpoint signatures with BouncyCastle: Ed25519, or SM2 (with SM3, default user id) under the 国密 suite. */
public final class Signatures {

    private static final byte[] CHECKPOINT_TAG = "KYC-AUDIT-CHECKPOINT-V1".getBytes(StandardCharsets.US_ASCII);
    private static final ECDomainParameters SM2_DOMAIN;

    static {
        X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
        SM2_DOMAIN = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    }

    private Signatures() {
    }

    /** A new key pair: {private, public} in raw form (Ed25519 seed / SM2 scalar; public key / uncompressed point). */
    static byte[][] generate(AuditSuite suite) {
        SecureRandom random = new SecureRandom();
        if (suite == AuditSuite.SM2_SM3) {
            ECKeyPairGenerator gen = new ECKeyPairGenerator();
            gen.init(new ECKeyGenerationParameters(SM2_DOMAIN, random));
            AsymmetricCipherKeyPair kp = gen.generateKeyPair();
            BigInteger d = ((ECPrivateKeyParameters) kp.getPrivate()).getD();
            return new byte[][] {BigIntegers.asUnsignedByteArray(32, d),
                    ((ECPublicKeyParameters) kp.getPublic()).getQ().getEncoded(false)};
        }
        Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(random);
        return new byte[][] {priv.getEncoded(), priv.generatePublicKey().getEncoded()};
    }

    static byte[] publicOf(AuditSuite suite, byte[] privateKey) {
        if (suite == AuditSuite.SM2_SM3) {
            BigInteger d = new BigInteger(1, privateKey);
            return SM2_DOMAIN.getG().multiply(d).normalize().getEncoded(false);
        }
        return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    static byte[] sign(AuditSuite suite, byte[] privateKey, byte[] message) {
        if (suite == AuditSuite.SM2_SM3) {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithRandom(
                    new ECPrivateKeyParameters(new BigInteger(1, privateKey), SM2_DOMAIN), new SecureRandom()));
            signer.update(message, 0, message.length);
            try {
                return signer.generateSignature();
            } catch (CryptoException e) {
                throw new IllegalStateException("SM2 signing failed", e);
            }
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public static boolean verify(AuditSuite suite, byte[] publicKey, byte[] message, byte[] signature) {
        try {
            if (suite == AuditSuite.SM2_SM3) {
                SM2Signer signer = new SM2Signer();
                signer.init(false, new ECPublicKeyParameters(SM2_DOMAIN.getCurve().decodePoint(publicKey), SM2_DOMAIN));
                signer.update(message, 0, message.length);
                return signer.verifySignature(signature);
            }
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** What a checkpoint signs: position, seq and hash of the chain head, time and suite. */
    public static byte[] checkpointMessage(long chainPos, long seq, byte[] chainHash, long signedAtMicros,
                                           AuditSuite suite) {
        byte[] suiteName = suite.name().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(CHECKPOINT_TAG.length + 8 + 8 + chainHash.length + 8 + suiteName.length)
                .put(CHECKPOINT_TAG).putLong(chainPos).putLong(seq).put(chainHash).putLong(signedAtMicros)
                .put(suiteName).array();
    }

    /** Short fingerprint of a public key: the first 16 bytes of its SHA-256, hex. */
    public static String keyId(byte[] publicKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
