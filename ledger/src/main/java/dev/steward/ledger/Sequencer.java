package dev.steward.ledger;

import dev.steward.ledger.tiles.EntryBundle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Durable sequencing at high throughput: entries wait in a bounded queue, one thread commits them in
 * batches, each batch in one storage transaction, and each entry's future completes only after
 * that commit, with the index the entry received. After a crash every acknowledged entry is present;
 * unacknowledged ones may or may not be.
 */
public final class Sequencer implements AutoCloseable {

    private record Request(LogId log, byte[] entry, CompletableFuture<SequencedEntry> done) {
    }

    private final LogStorage storage;
    private final Runnable afterCommit;
    private final Clock clock;
    private final LedgerConfig config;
    private final BlockingQueue<Request> queue;
    private volatile boolean running;
    private Thread thread;

    public Sequencer(LogStorage storage, Clock clock, LedgerConfig config) {
        this(storage, clock, config, () -> { });
    }

    /** As {@link #Sequencer(LogStorage, Clock, LedgerConfig)}, running {@code afterCommit} once after each committed batch. */
    public Sequencer(LogStorage storage, Clock clock, LedgerConfig config, Runnable afterCommit) {
        this.afterCommit = Objects.requireNonNull(afterCommit);
        this.storage = Objects.requireNonNull(storage);
        this.clock = Objects.requireNonNull(clock);
        this.config = Objects.requireNonNull(config);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("ledger-sequencer").daemon().start(this::loop);
    }

    /**
     * Queues an entry; the future completes with its index once committed, or exceptionally with
     * {@link LedgerStorageFailure} if the batch could not be committed.
     *
     * @throws EntryTooLarge if above 65,535 bytes; @throws EntryInvalid if null
     * @throws LedgerPushback if the queue is full or the sequencer is not running
     */
    public CompletableFuture<SequencedEntry> append(LogId log, byte[] entry) {
        Objects.requireNonNull(log, "log");
        if (entry == null) {
            throw new EntryInvalid("entry is missing");
        }
        if (entry.length > EntryBundle.MAX_ENTRY_SIZE) {
            throw new EntryTooLarge("entry of " + entry.length + " bytes exceeds the limit of "
                    + EntryBundle.MAX_ENTRY_SIZE + " bytes");
        }
        if (!running) {
            throw new LedgerPushback("the sequencer is not running");
        }
        Request r = new Request(log, entry.clone(), new CompletableFuture<>());
        if (!queue.offer(r)) {
            throw new LedgerPushback("the ledger queue is full (" + config.queueCapacity() + " entries)");
        }
        return r.done();
    }

    private void loop() {
        List<Request> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.sequencerBatchSize() - 1);
                long lingerUntil = System.nanoTime() + config.sequencerBatchAge().toNanos();
                while (batch.size() < config.sequencerBatchSize()) {
                    long wait = lingerUntil - System.nanoTime();
                    Request next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, config.sequencerBatchSize() - batch.size());
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        Request r;
        while ((r = queue.poll()) != null) {
            r.done().completeExceptionally(new LedgerPushback("the sequencer stopped"));
        }
    }

    private void commit(List<Request> batch) {
        Map<LogId, List<Request>> byLog = new LinkedHashMap<>();
        batch.forEach(r -> byLog.computeIfAbsent(r.log(), k -> new ArrayList<>()).add(r));
        Map<LogId, Long> firstIndex;
        try {
            firstIndex = storage.inTransaction(tx -> {
                Map<LogId, Long> out = new LinkedHashMap<>();
                var now = clock.instant();
                for (var e : byLog.entrySet()) {
                    long first = tx.lockSequence(e.getKey(), now);
                    List<byte[]> entries = e.getValue().stream().map(Request::entry).toList();
                    tx.insertSequenced(e.getKey(), first, entries, null, now);
                    tx.updateSequence(e.getKey(), first + entries.size(), now);
                    out.put(e.getKey(), first);
                }
                return out;
            });
        } catch (RuntimeException e) {
            batch.forEach(r -> r.done().completeExceptionally(e));
            return;
        }
        afterCommit.run();
        byLog.forEach((log, requests) -> {
            long first = firstIndex.get(log);
            for (int i = 0; i < requests.size(); i++) {
                requests.get(i).done().complete(new SequencedEntry(log, first + i));
            }
        });
    }

    /** Stops accepting entries, commits what is queued, and waits for the thread to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
