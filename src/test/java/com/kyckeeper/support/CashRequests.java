package com.kyckeeper.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Cash-transaction request bodies for the API (api.md), with unique references. */
public final class CashRequests {

    private static final AtomicInteger REF = new AtomicInteger();

    private CashRequests() {
    }

    public static String ref() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8) + "-" + REF.incrementAndGet();
    }

    /** A transaction with source of funds recorded and no purpose. */
    public static Map<String, Object> tx(String customer, String direction, String amount, String currency, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", ref());
        m.put("customerId", customer);
        m.put("direction", direction);
        m.put("amount", amount);
        m.put("currency", currency);
        m.put("occurredAt", at);
        m.put("branch", "BJ-001");
        m.put("sourceOfFunds", "工资收入");
        m.put("purpose", null);
        return m;
    }
}
