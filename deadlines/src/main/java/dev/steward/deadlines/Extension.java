package dev.steward.deadlines;

import java.time.Instant;
import java.util.Objects;

/** More time, granted at a moment and for a reason ("two further months", GDPR Art. 12(3)). */
public record Extension(LegalPeriod period, String reason, Instant grantedAt) {

    public Extension {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(grantedAt, "grantedAt");
        if (reason == null || reason.isBlank()) {
            throw new ExtensionReasonMissing();
        }
    }
}
