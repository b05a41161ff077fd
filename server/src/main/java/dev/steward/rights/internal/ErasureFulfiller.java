package dev.steward.rights.internal;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.platform.NotFound;
import dev.steward.records.ErasureOutcome;
import dev.steward.records.SubjectErasure;
import dev.steward.rights.RequestType;

/**
 * Erasure (Art. 17): crypto-shredding of the subject through the records feature, which honours
 * legal holds. A complete erasure is answered with its deletion receipt; a partial one says what
 * was kept and why. Repeating it returns the first receipt.
 */
@Component
class ErasureFulfiller implements Fulfiller {

    private final SubjectErasure erasure;

    ErasureFulfiller(SubjectErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public RequestType type() {
        return RequestType.ERASURE;
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        ErasureOutcome outcome;
        try {
            outcome = erasure.erase(caller, request.subjectId());
        } catch (NotFound noRecords) {
            return Fulfilled.of("nothing to erase: no records of the subject",
                    "We hold no personal data about you in this service: there was nothing to erase.");
        }
        if (outcome.isComplete()) {
            var r = outcome.receipt();
            return Fulfilled.of("erased: key destroyed, receipt " + r.id(),
                    "Your personal data was erased on " + r.erasedAt() + ": the key that encrypted it was destroyed,"
                            + " so no copy, backup included, can be read again.\nDeletion receipt: " + r.id()
                            + "\nErasure journal hash: " + r.journalHash());
        }
        String why = outcome.kept().stream().map(ErasureOutcome.Kept::reason).distinct()
                .collect(Collectors.joining("; "));
        return Fulfilled.of("partly erased: " + outcome.recordsDeleted() + " records deleted, " + outcome.recordsKept()
                        + " kept under legal hold",
                "Part of your personal data was erased: " + outcome.recordsDeleted() + " records were deleted. "
                        + outcome.recordsKept() + " records must be kept because of a legal obligation or a legal"
                        + " claim (" + why + "); they are erased when that ends and are used for nothing else"
                        + " meanwhile.");
    }
}
