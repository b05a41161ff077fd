package dev.steward.rights.internal;

import java.util.List;
import java.util.UUID;

import dev.steward.platform.Caller;
import dev.steward.rights.RequestType;
import dev.steward.rights.Requester;

/**
 * Carries out an approved request of one type, for the caller who approved it and with that
 * caller's permissions. It runs after the approval committed and may be run again (a crash, a
 * failed first attempt), so it must be safe to repeat: erasing an erased subject is done, not an error.
 */
public interface Fulfiller {

    RequestType type();

    Fulfilled fulfil(Caller caller, ApprovedRequest request);

    /**
     * Refuses, before the approval is taken, what the fulfilment could not carry out (a
     * rectification's corrections naming another subject's record): the problem names the field and
     * nothing is changed.
     */
    default void check(Caller caller, ApprovedRequest request) {
    }

    /** What a fulfiller needs of the request, opened; {@code corrections} only for a rectification. */
    record ApprovedRequest(UUID tenantId, UUID requestId, RequestType type, String subjectId, Requester requester,
            String details, String decisionNote, List<Correction> corrections) {

        @Override
        public String toString() {
            return "ApprovedRequest[" + requestId + ", " + type + ", redacted]";
        }
    }

    /** A correction decided for a rectification, its record id checked as a UUID; the document is JSON text. */
    record Correction(UUID recordId, String document) {

        @Override
        public String toString() {
            return "Correction[" + recordId + ", document=redacted]";
        }
    }

    /**
     * @param outcome          what was done, in words without personal data (shown in lists, logged)
     * @param note             what the requester is told, sealed with the request (a receipt, what was kept and why)
     * @param forRequesterOnly told to the requester only and never stored with the request (a single-use
     *                         download link), or null
     */
    record Fulfilled(String outcome, String note, String forRequesterOnly) {

        public static Fulfilled of(String outcome, String note) {
            return new Fulfilled(outcome, note, null);
        }
    }
}
