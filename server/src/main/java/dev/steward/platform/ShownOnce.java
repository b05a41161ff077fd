package dev.steward.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API handler whose answer carries a secret that is shown once: an API token's secret,
 * an evidence bundle's single-use download link. Names the top-level JSON fields that hold it.
 *
 * <p>Guarantee: the {@code Idempotency-Key} cache stores such an answer without those fields, so
 * the secret never lies in the database; a retry with the same key still never acts twice and gets
 * the first answer's status and body without them, with {@code Idempotent-Withheld} naming the
 * fields left out. A client that lost the secret revokes what it got and asks again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShownOnce {

    /** The top-level fields of the JSON answer that hold the secret. */
    String[] value();
}
