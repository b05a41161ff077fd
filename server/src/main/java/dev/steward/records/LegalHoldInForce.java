package dev.steward.records;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A legal hold keeps the record: it cannot be deleted until the hold is released. Nothing was changed. */
public final class LegalHoldInForce extends AccessRefused {

    private final LegalHold hold;

    public LegalHoldInForce(LegalHold hold) {
        super("legal-hold", HttpStatus.CONFLICT, "Legal hold in force",
                "a legal hold keeps " + (hold.recordId() == null ? "the subject's records" : "this record")
                        + " until it is released: " + hold.reason(),
                Map.of("holdId", hold.id().toString(), "reason", hold.reason()));
        this.hold = hold;
    }

    public LegalHold hold() {
        return hold;
    }

    @Override
    public String note() {
        return "hold:" + hold.id();
    }
}
