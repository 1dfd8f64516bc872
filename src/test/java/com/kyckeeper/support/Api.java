package com.kyckeeper.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running service (loopback only), with HTTP Basic per call. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A request the service never answers fails the test instead of hanging the build. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }
    }

    public Call as(String user) {
        return new Call(user, Databases.PASSWORD);
    }

    public Call anonymous() {
        return new Call(null, null);
    }

    public final class Call {
        private final String user;
        private final String password;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Call password(String value) {
            return new Call(user, value).headers(headers);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        private Call headers(Map<String, String> more) {
            headers.putAll(more);
            return this;
        }

        public Response get(String path) {
            return send("GET", path, null);
        }

        public Response post(String path, Object body) {
            return send("POST", path, body);
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body);
        }

        public Response patch(String path, Object body) {
            return send("PATCH", path, body);
        }

        public Response send(String method, String path, Object body) {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            if (text != null && !headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, String> h = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
                return new Response(r.statusCode(), h, r.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
