package com.kyckeeper.ui;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Test only (imported by web.FailureLogTest, never scanned: @TestComponent): a UI page whose
 * database query fails unexpectedly with a driver message that quotes the value of a parameter (not
 * of the path: error pages link the path for the language switch). It
 * lives in the ui package so that the UI's error handling (UiModel) answers, as for real pages.
 */
@TestComponent
@Controller
public class FailingPageForTests {

    /** The last failure thrown, so the test can check that its message really carries the value. */
    public static final AtomicReference<RuntimeException> LAST = new AtomicReference<>();
    private final JdbcClient jdbc;

    FailingPageForTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/test-only/failing-page")
    String fail(@RequestParam String value) {
        try {
            jdbc.sql("select cast(? as integer) from app_users").param(value).query(Integer.class).list();
        } catch (RuntimeException e) {
            LAST.set(e);
            throw e;
        }
        return "error/problem";
    }
}
