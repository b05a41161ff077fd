package dev.steward.records.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.platform.Job;
import dev.steward.records.SubjectErasure;

/** Runs the purge of erased subjects' rows in the background. */
@Component
class RecordPurgeSchedule implements Job {

    private final SubjectErasure erasure;
    private final Duration interval;

    RecordPurgeSchedule(SubjectErasure erasure, @Value("${steward.records.purge-interval:PT1M}") Duration interval) {
        this.erasure = erasure;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "records.purge-erased";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        purge();
    }

    void purge() {
        erasure.purgeErased();
    }
}
