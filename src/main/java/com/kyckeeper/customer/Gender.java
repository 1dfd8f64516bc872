package com.kyckeeper.customer;

public enum Gender {
    MALE, FEMALE
}
