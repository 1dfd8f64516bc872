package com.kyckeeper.customer;

import com.kyckeeper.shared.NotFoundException;
import java.util.UUID;

public record CustomerId(UUID value) {

    public CustomerId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    /** Parses a path id; an id that is not a UUID cannot exist, so it answers 404. */
    public static CustomerId parse(String raw) {
        try {
            return new CustomerId(UUID.fromString(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("Customer");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
