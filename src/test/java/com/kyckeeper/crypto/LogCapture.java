package com.kyckeeper.crypto;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects every log event of the running service (message, arguments, MDC, stack traces) as text. */
final class LogCapture extends AppenderBase<ILoggingEvent> {

    private static final String NAME = "kyc-test-capture";
    private final List<String> lines = new ArrayList<>();

    /** Attaches to the root logger unless already attached (Spring Boot resets logging per context). */
    static LogCapture attach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) instanceof LogCapture existing) {
            return existing;
        }
        LogCapture capture = new LogCapture();
        capture.setName(NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getMDCPropertyMap()).append(' ').append(event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        lines.add(line.toString());
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    synchronized int size() {
        return lines.size();
    }
}
