/**
 * Field-level envelope encryption: a master key (KEK, PKCS#12 or PKCS#11 HSM) wraps one data key
 * per owner; field ciphertext is bound to table, column and record; blind indexes give exact-match
 * lookup; masking per field kind; crypto-shredding; online key rotation (KeyRotation), with the
 * EncryptedRecords SPI through which owning modules re-encrypt and re-index their rows.
 */
package com.kyckeeper.crypto;
