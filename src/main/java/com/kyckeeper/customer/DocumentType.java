package com.kyckeeper.customer;

public enum DocumentType {
    RESIDENT_ID_CARD, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, FOREIGN_PERMANENT_RESIDENT_ID, OTHER
}
