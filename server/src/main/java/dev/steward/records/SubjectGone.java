package dev.steward.records;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The subject was erased: its key is destroyed, its records can no longer be read or written. */
public final class SubjectGone extends ProblemException {

    public SubjectGone() {
        super("subject-erased", HttpStatus.GONE, "Subject erased",
                "the subject was erased; its records are unreadable and no new ones are accepted");
    }
}
