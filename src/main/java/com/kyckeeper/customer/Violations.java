package com.kyckeeper.customer;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every field violation of one request so that the answer names them all. */
final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    <T> T check(String path, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidFieldException e) {
            list.add(e.under(path));
            return null;
        }
    }

    void add(String path, String message) {
        list.add(new FieldViolation(path, message));
    }

    boolean has(String path) {
        return list.stream().anyMatch(v -> v.field().equals(path) || v.field().startsWith(path + "."));
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
