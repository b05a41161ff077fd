package dev.steward.bench.events;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/** Does what a cheap listener does: counts. Its publication is completed by the registry. */
class BenchListener {

    private final AtomicLong handled = new AtomicLong();

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BenchWritten event) {
        handled.incrementAndGet();
    }

    long handled() {
        return handled.get();
    }
}
