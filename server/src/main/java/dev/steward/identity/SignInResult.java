package dev.steward.identity;

/** The outcome of the password step of a sign-in. */
public sealed interface SignInResult {

    /** Password right; {@code next} says what the person must still do. */
    record Accepted(Account account, Next next) implements SignInResult {
    }

    /** Refused; {@code reason} is for the record, never shown as is (it would help guessing). */
    record Refused(Reason reason) implements SignInResult {
    }

    enum Next { NONE, MFA_CODE, MFA_ENROLMENT }

    enum Reason { BAD_CREDENTIALS, LOCKED, DISABLED, TENANT_INACTIVE, RATE_LIMITED, MFA_RESET_PENDING }
}
