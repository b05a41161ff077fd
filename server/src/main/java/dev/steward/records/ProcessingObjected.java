package dev.steward.records;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The subject objected to processing under a legitimate interest (RIGHT-4, Art. 21 GDPR): no
 * purpose resting on one is served for it any more. Nothing was read or changed.
 */
public final class ProcessingObjected extends AccessRefused {

    public ProcessingObjected(Purpose refused) {
        super("processing-objected", HttpStatus.FORBIDDEN, "Subject objected to this processing",
                "the subject objected to processing under a legitimate interest; '" + refused
                        + "' rests on one and is refused for this subject",
                Map.of("purpose", refused.name()));
    }

    @Override
    public String note() {
        return "objected";
    }
}
