package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The moves an evidence bundle may make, and the ones it never makes. */
class BundleStateTest {

    @Test
    void aBundleMovesOnlyForwardAlongItsLifeCycle() {
        assertThat(BundleState.PENDING_APPROVAL.next()).containsExactlyInAnyOrder(BundleState.BUILDING, BundleState.EXPIRED);
        assertThat(BundleState.BUILDING.next()).containsExactlyInAnyOrder(BundleState.READY, BundleState.FAILED);
        assertThat(BundleState.READY.next()).containsExactlyInAnyOrder(BundleState.DOWNLOADED, BundleState.EXPIRED);
        for (BundleState end : EnumSet.of(BundleState.DOWNLOADED, BundleState.EXPIRED, BundleState.FAILED)) {
            assertThat(end.next()).as(end + " is final").isEmpty();
        }
        // a spent or unapproved bundle is never made downloadable again
        assertThat(BundleState.DOWNLOADED.mayBecome(BundleState.READY)).isFalse();
        assertThat(BundleState.PENDING_APPROVAL.mayBecome(BundleState.READY)).isFalse();
    }

    @Test
    void onlyABundleBeingBuiltOrWaitingForItsDownloadKeepsAFile() {
        assertThat(EnumSet.allOf(BundleState.class)).filteredOn(BundleState::keepsFile)
                .containsExactlyInAnyOrder(BundleState.BUILDING, BundleState.READY);
    }
}
