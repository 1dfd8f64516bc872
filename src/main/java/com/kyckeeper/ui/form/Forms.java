package com.kyckeeper.ui.form;

/** Small helpers shared by the form beans. */
public final class Forms {

    private Forms() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
