package dev.steward.keyring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.keys.IntegrityEvent;
import dev.steward.keys.IntegrityEventListener;

/**
 * Reports integrity violations to the log (marker for alerting: {@code INTEGRITY}). The event names
 * tenant, pseudonymous subject, record and context, never plaintext. The incidents feature will
 * open a case from it.
 */
final class LoggingIntegrityListener implements IntegrityEventListener {

    private static final Logger log = LoggerFactory.getLogger("dev.steward.INTEGRITY");

    @Override
    public void onIntegrityViolation(IntegrityEvent e) {
        log.error("integrity violation: tenant={} subject={} record={} context={} reason={} at={}", e.tenant(),
                e.subject(), e.recordId(), e.context(), e.reason(), e.detectedAt());
    }
}
