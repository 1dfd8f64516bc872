package com.kyckeeper.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes bytes no well-behaved client would send (a raw request line, raw UTF-8 headers, chunked bodies) and reads the answer. */
final class RawHttp {

    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends the head (lines joined by CRLF, Host and Connection: close added) and then the body bytes. */
    Answer send(String requestLine, String headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (headers.isEmpty() ? "" : headers + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before the whole body is sent
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String target, String headers) {
        return send("GET " + target + " HTTP/1.1", headers, null);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while (!complete(all.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        return new Answer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, body);
    }

    /** Whether the whole answer has arrived (the server may still be draining an unread request body). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        String body = text.substring(end + 4);
        if (head.contains("transfer-encoding: chunked")) {
            return body.endsWith("0\r\n\r\n");
        }
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return body.length() >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /** A body sent chunked (no Content-Length), in pieces of 8 KiB. */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < body.length; from += 8192) {
            int len = Math.min(8192, body.length - from);
            out.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, len);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
