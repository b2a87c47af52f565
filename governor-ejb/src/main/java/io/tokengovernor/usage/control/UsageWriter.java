package io.tokengovernor.usage.control;

import io.tokengovernor.usage.entity.RecordedBatch;
import io.tokengovernor.usage.entity.UsageBatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ledger's single writer (group commit). SQLite has one writer, so instead of one transaction
 * per request, concurrent requests queue their batches here; one thread takes everything waiting
 * (up to a limit), writes it in one transaction and only then completes each request's future, so
 * every request is answered after its events are durable. If a group fails, its batches are retried
 * one by one so that one bad batch cannot fail the others.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageWriter {

    private static final Logger LOG = Logger.getLogger(UsageWriter.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LedgerBook book;

    @Inject
    @ConfigProperty(name = "governor.ledger.max-group-events", defaultValue = "20000")
    int maxGroupEvents;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = threads.newThread(this::writeLoop);
        writer.setName("usage-ledger-writer");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    /** Queues a batch; the future completes once it is committed (or fails with the reason). */
    public CompletableFuture<RecordedBatch> submit(UsageBatch batch) {
        Pending pending = new Pending(batch, new CompletableFuture<>());
        if (!running) {
            pending.answer().completeExceptionally(new IllegalStateException("the server is stopping"));
            return pending.answer();
        }
        queue.add(pending);
        return pending.answer();
    }

    private void writeLoop() {
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    write(group(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The usage ledger writer hit an unexpected failure", e);
            }
        }
    }

    private List<Pending> group(Pending first) {
        List<Pending> group = new ArrayList<>();
        group.add(first);
        int events = first.batch().size();
        Pending next;
        while (events < maxGroupEvents && (next = queue.peek()) != null
                && events + next.batch().size() <= maxGroupEvents) {
            group.add(queue.poll());
            events += next.batch().size();
        }
        return group;
    }

    private void write(List<Pending> group) {
        try {
            List<RecordedBatch> outcomes = book.record(group.stream().map(Pending::batch).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(outcomes.get(i));
            }
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).answer().completeExceptionally(groupFailure);
                return;
            }
            for (Pending alone : group) {
                write(List.of(alone));
            }
        }
    }

    private record Pending(UsageBatch batch, CompletableFuture<RecordedBatch> answer) {
    }
}
