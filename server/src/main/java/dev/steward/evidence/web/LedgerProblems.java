package dev.steward.evidence.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.steward.ledger.EntryNotFound;
import dev.steward.ledger.ProofRequestInvalid;
import dev.steward.ledger.UnknownLog;
import dev.steward.platform.ProblemException;

/** The ledger's facts as RFC 9457 problems: what is not (yet) in a log is 404, a bad proof request 400. */
@RestControllerAdvice(assignableTypes = { LogApi.class })
@Order(0)
class LedgerProblems {

    @ExceptionHandler({ UnknownLog.class, EntryNotFound.class })
    ResponseEntity<ProblemDetail> notThere(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ProofRequestInvalid.class)
    ResponseEntity<ProblemDetail> badProof(ProofRequestInvalid e) {
        return problem(HttpStatus.BAD_REQUEST, "proof-request-invalid", "Invalid proof request", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
        return ResponseEntity.status(status).body(ProblemException.detail(status, slug, title, detail));
    }
}
