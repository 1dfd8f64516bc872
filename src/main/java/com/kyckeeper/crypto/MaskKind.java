package com.kyckeeper.crypto;

/** Kinds of personal value, each with its own masking rule in policies/masking.yml. */
public enum MaskKind {
    NAME, ID_NUMBER, PHONE, EMAIL, ADDRESS, CREDIT_CODE, TEXT
}
