package dev.steward.records;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The subject's processing is restricted (RIGHT-3, Art. 18 GDPR): its records are kept, but read
 * only for {@link Purpose#STORAGE} or {@link Purpose#LEGAL_CLAIMS}. Nothing was read.
 */
public final class ProcessingRestricted extends AccessRefused {

    public ProcessingRestricted(Purpose refused) {
        super("processing-restricted", HttpStatus.FORBIDDEN, "Processing restricted",
                "the subject's processing is restricted: its records are read only for the purposes "
                        + Purpose.STORAGE + " or " + Purpose.LEGAL_CLAIMS + " (refused: " + refused + ")",
                Map.of("purpose", refused.name()));
    }

    @Override
    public String note() {
        return "restricted";
    }
}
