package com.kyckeeper.ui;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registry's validation messages are English sentences; the UI shows them in the page language
 * when the bundle has a translation under {@code server.<sentence as a key>}, else as they are.
 */
@Component
class ServerMessages {

    private final MessageSource messages;

    ServerMessages(MessageSource messages) {
        this.messages = messages;
    }

    String translate(String message, Locale locale) {
        if (message == null) {
            return "";
        }
        return messages.getMessage(key(message), null, message, locale);
    }

    static String key(String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "server." + slug;
    }
}
