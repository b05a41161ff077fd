package dev.steward.evidence.internal;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.steward.evidence.EvidenceAnchors;
import dev.steward.evidence.EvidenceBundles;

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

    @Scheduled(fixedDelayString = "${steward.evidence.anchor-interval:PT1M}",
            initialDelayString = "${steward.evidence.anchor-interval:PT1M}")
    void anchor() {
        anchors.anchor();
    }

    @Scheduled(fixedDelayString = "${steward.evidence.sweep-interval:PT5M}",
            initialDelayString = "${steward.evidence.sweep-interval:PT5M}")
    void sweep() {
        bundles.sweep(clock.instant());
    }
}
