package com.kyckeeper.ui;

import com.kyckeeper.security.CurrentActor;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;

/** Page-level role checks (the module APIs check again on every action). */
final class Permissions {

    private Permissions() {
    }

    static void requireAny(String... roles) {
        var actor = CurrentActor.get();
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw new AccessDeniedException("Your role may not open this page");
        }
    }
}
