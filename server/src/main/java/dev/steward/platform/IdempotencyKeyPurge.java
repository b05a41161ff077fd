package dev.steward.platform;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** The hourly purge of idempotency keys older than a day, as a job run once across all nodes. */
@Component
class IdempotencyKeyPurge implements Job {

    private final IdempotencyKeys keys;

    IdempotencyKeyPurge(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "platform.idempotency-keys-purge";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        keys.purgeExpired();
    }
}
