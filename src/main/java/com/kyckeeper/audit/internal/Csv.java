package com.kyckeeper.audit.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as the exports use it: every non-null text field quoted (so "" is an empty string
 * and an empty unquoted field is null), numbers bare, CRLF between records.
 */
public final class Csv {

    private Csv() {
    }

    public static void row(Writer out, Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object f = fields[i];
                if (f instanceof String s) {
                    out.write('"');
                    out.write(s.replace("\"", "\"\""));
                    out.write('"');
                } else if (f != null) {
                    out.write(f.toString());
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralises spreadsheet formulas in text meant for people (=, +, -, @ at the start). */
    public static String safeForSpreadsheet(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** Reads records one by one; null at the end. */
    public static final class Reader2 {
        private final Reader in;
        private int peeked = -2;

        public Reader2(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        public List<String> next() {
            try {
                int c = read();
                if (c == -1) {
                    return null;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder sb = new StringBuilder();
                boolean quoted = false;
                while (true) {
                    if (c == '"' && sb.isEmpty() && !quoted) {
                        quoted = true;
                        while (true) {
                            c = read();
                            if (c == -1) {
                                throw new IllegalArgumentException("unterminated quoted field");
                            }
                            if (c == '"') {
                                int d = read();
                                if (d == '"') {
                                    sb.append('"');
                                } else {
                                    c = d;
                                    break;
                                }
                            } else {
                                sb.append((char) c);
                            }
                        }
                    }
                    if (c == ',' ) {
                        fields.add(quoted || !sb.isEmpty() ? sb.toString() : null);
                        sb.setLength(0);
                        quoted = false;
                        c = read();
                        continue;
                    }
                    if (c == '\r' || c == '\n' || c == -1) {
                        if (c == '\r') {
                            int d = read();
                            if (d != '\n') {
                                peeked = d;
                            }
                        }
                        fields.add(quoted || !sb.isEmpty() ? sb.toString() : null);
                        return fields;
                    }
                    sb.append((char) c);
                    c = read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
