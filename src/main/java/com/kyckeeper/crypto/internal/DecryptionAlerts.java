package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.DecryptionFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A stored value that fails to decrypt is an integrity incident: counted in
 * {@code kyc.decryption.failures} (by table and column, for an alert rule) and logged as one WARN
 * line naming where, never what. A plain listener, so a rolled-back request still counts.
 */
@Component
class DecryptionAlerts {

    static final String METER = "kyc.decryption.failures";
    private static final Logger log = LoggerFactory.getLogger("kyc.security");
    private final MeterRegistry meters;

    DecryptionAlerts(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(DecryptionFailed failed) {
        Counter.builder(METER).description("Stored values that failed to decrypt (tampered, moved or destroyed key)")
                .tag("table", failed.table()).tag("column", failed.column()).register(meters).increment();
        log.warn("ALERT {} {}.{}", METER, failed.table(), failed.column());
    }
}
