package com.kyckeeper.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One operation of the OpenAPI document, and how to make a random request for it. */
record FuzzOperation(String method, String template, List<Param> parameters, JsonNode bodySchema, String bodyType) {

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    String key() {
        return method + " " + template;
    }

    static List<FuzzOperation> all(JsonNode doc) {
        List<FuzzOperation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    params.add(new Param(p.get("name").asString(), p.get("in").asString(),
                            p.path("required").asBoolean(false), p.path("schema")));
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                String type = content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next() : null;
                ops.add(new FuzzOperation(method, path.getKey(), params, type == null ? null : content.get(type).path("schema"), type));
            }
        }
        return ops;
    }

    FuzzRequest sample(FuzzValues values) {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param p : parameters) {
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", values.pathSegment(p.schema()));
                case "query" -> {
                    if (p.required() || values.chance(0.6)) {
                        query.append(query.isEmpty() ? '?' : '&').append(p.name()).append('=').append(values.queryValue(p.schema()));
                    }
                }
                case "header" -> {
                    if (p.required() || values.chance(0.7)) {
                        headers.put(p.name(), values.headerValue());
                    }
                }
                default -> { }
            }
        }
        if (values.chance(0.05)) {
            query.append(query.isEmpty() ? '?' : '&').append(values.queryValue(null)).append('=').append(values.queryValue(null));
        }
        String body = null;
        if (bodySchema != null && !values.chance(0.03)) {
            body = values.body(bodySchema);
            headers.put("Content-Type", values.chance(0.05) ? values.oddContentType() : bodyType);
        }
        return new FuzzRequest(method, path + query, headers, body);
    }
}
