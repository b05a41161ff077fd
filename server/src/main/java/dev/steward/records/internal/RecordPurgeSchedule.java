package dev.steward.records.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.steward.records.SubjectErasure;

/** Runs the purge of erased subjects' rows in the background. */
@Component
class RecordPurgeSchedule {

    private final SubjectErasure erasure;

    RecordPurgeSchedule(SubjectErasure erasure) {
        this.erasure = erasure;
    }

    @Scheduled(fixedDelayString = "${steward.records.purge-interval:PT1M}", initialDelayString = "${steward.records.purge-interval:PT1M}")
    void purge() {
        erasure.purgeErased();
    }
}
