package dev.steward.evidence.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.steward.evidence.EvidenceAnchors;
import dev.steward.evidence.EvidenceBundles;
import dev.steward.platform.Job;

/** Background work of the evidence feature: anchoring tenant logs, deleting expired bundles (STOR-4). */
@Component
class EvidenceSchedule {

    private final EvidenceAnchors anchors;
    private final EvidenceBundles bundles;
    private final Clock clock;

    EvidenceSchedule(EvidenceAnchors anchors, EvidenceBundles bundles, Clock clock) {
        this.anchors = anchors;
        this.bundles = bundles;
        this.clock = clock;
    }

    @Bean
    Job evidenceAnchorJob(@Value("${steward.evidence.anchor-interval:PT1M}") Duration every) {
        return Job.of("evidence.anchor", every, this::anchor);
    }

    @Bean
    Job evidenceSweepJob(@Value("${steward.evidence.sweep-interval:PT5M}") Duration every) {
        return Job.of("evidence.sweep", every, this::sweep);
    }

    void anchor() {
        anchors.anchor();
    }

    void sweep() {
        bundles.sweep(clock.instant());
    }
}
