package com.kyckeeper.audit.internal;

/** Where the current request came from, captured once by {@link RequestMetadataFilter}. */
record RequestMetadata(String requestId, String clientAddress) {

    private static final ThreadLocal<RequestMetadata> CURRENT = new ThreadLocal<>();

    static RequestMetadata current() {
        RequestMetadata m = CURRENT.get();
        return m != null ? m : new RequestMetadata(null, null);
    }

    static void set(RequestMetadata metadata) {
        CURRENT.set(metadata);
    }

    static void clear() {
        CURRENT.remove();
    }
}
