/**
 * Field-level envelope encryption: a master key (KEK) wraps one data key per owner; field
 * ciphertext is bound to table, column and record; blind indexes give exact-match lookup;
 * masking per field kind; crypto-shredding.
 */
package com.kyckeeper.crypto;
