package dev.steward.rights.internal;

import dev.steward.platform.Caller;
import dev.steward.platform.NotFound;
import dev.steward.records.FlagChange;
import dev.steward.records.SubjectFlags;
import dev.steward.rights.RequestType;

/**
 * Restriction (Art. 18) and objection (Art. 21): a flag on the subject that the records feature's
 * access guards honour from the next access on. Setting a flag that is set already changes nothing,
 * so a repeat is harmless.
 */
class SubjectFlagFulfiller implements Fulfiller {

    private final SubjectFlags flags;
    private final RequestType type;

    SubjectFlagFulfiller(SubjectFlags flags, RequestType type) {
        if (type != RequestType.RESTRICTION && type != RequestType.OBJECTION) {
            throw new IllegalArgumentException(type + " is not carried out by a flag");
        }
        this.flags = flags;
        this.type = type;
    }

    @Override
    public RequestType type() {
        return type;
    }

    @Override
    public Fulfilled fulfil(Caller caller, ApprovedRequest request) {
        boolean restriction = type == RequestType.RESTRICTION;
        try {
            flags.change(caller, request.subjectId(),
                    restriction ? new FlagChange(true, null) : new FlagChange(null, true));
        } catch (NotFound noRecords) {
            return Fulfilled.of("nothing to flag: no records of the subject",
                    "We hold no personal data about you in this service.");
        }
        return restriction
                ? Fulfilled.of("processing restricted",
                        "The processing of your personal data is restricted: it is only stored, and used for nothing"
                                + " else without your consent, except for legal claims.")
                : Fulfilled.of("objection recorded",
                        "Your objection is recorded: your personal data is no longer processed for the organisation's"
                                + " legitimate interests (such as analytics or marketing).");
    }
}
