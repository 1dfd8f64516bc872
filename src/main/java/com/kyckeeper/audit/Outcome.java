package com.kyckeeper.audit;

public enum Outcome {
    SUCCESS, REFUSED, FAILED
}
