package com.kyckeeper.web;

import com.kyckeeper.support.Api;
import java.util.Map;

/** One fuzzed request, and what would be wrong with the service's answer to it. */
record FuzzRequest(String method, String path, Map<String, String> headers, String body) {

    Api.Response send(Api.Call call) {
        headers.forEach(call::header);
        return call.send(method, path, body);
    }

    /** Null when the answer is acceptable, else why not. */
    static String problemWith(Api.Response r, FuzzRequest request) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (r.status() < 400) {
            return null;
        }
        String type = r.contentType() == null ? "" : r.contentType();
        if (request.path().startsWith("/api/") && !type.startsWith("application/problem+json")) {
            return "error as " + (type.isEmpty() ? "no content type" : type);
        }
        String body = r.body() == null ? "" : r.body();
        if (body.contains(FuzzValues.ID_NUMBER)) {
            return "error echoes a personal value";
        }
        if (body.contains("java.") || body.contains("org.springframework") || body.contains("\tat ")) {
            return "error shows internals";
        }
        return null;
    }

    @Override
    public String toString() {
        String p = path.length() > 160 ? path.substring(0, 160) + "…" : path;
        String b = body == null ? "no body" : body.length() > 160 ? body.substring(0, 160) + "… (" + body.length() + " chars)" : body;
        return method + " " + p + " " + headers.keySet() + " " + b;
    }
}
