package com.kyckeeper.customer;

public enum CustomerType {
    INDIVIDUAL, CORPORATE
}
