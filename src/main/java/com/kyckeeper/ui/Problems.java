package com.kyckeeper.ui;

import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a module's refusal of a form (bad input, conflict, unknown id) into lines for the page, in the
 * page language: "field label: message". Never contains the rejected value (the modules never echo it).
 */
@Component
class Problems {

    private final ServerMessages server;
    private final MessageSource messages;

    Problems(ServerMessages server, MessageSource messages) {
        this.server = server;
        this.messages = messages;
    }

    List<String> of(RuntimeException e, Locale locale) {
        return switch (e) {
            case InvalidInputException bad -> bad.violations().stream()
                    .map(v -> line(v.field(), v.message(), locale)).distinct().toList();
            case ConflictException c -> List.of(line(c.field(), c.getMessage(), locale));
            case NotFoundException n -> List.of(messages.getMessage("problem.notFound", null, locale));
            default -> List.of(messages.getMessage("problem.generic", null, locale));
        };
    }

    private String line(String field, String message, Locale locale) {
        String text = server.translate(message, locale);
        if (field == null || field.isBlank()) {
            return text;
        }
        String key = field.startsWith("rates.") ? "rates" : field;
        String label = messages.getMessage("field." + key, null, field, locale);
        return label + ": " + text;
    }
}
