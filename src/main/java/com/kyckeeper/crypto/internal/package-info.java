/** Implementation of the crypto module: master key ring (PKCS#12 / PKCS#11), data keys, AEAD cipher, HMAC index, rotation runner. */
package com.kyckeeper.crypto.internal;
