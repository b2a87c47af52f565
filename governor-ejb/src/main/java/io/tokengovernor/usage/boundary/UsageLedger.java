package io.tokengovernor.usage.boundary;

import io.tokengovernor.GovernorException;
import io.tokengovernor.usage.control.UsageWriter;
import io.tokengovernor.usage.entity.RecordedBatch;
import io.tokengovernor.usage.entity.UsageBatch;
import io.tokengovernor.usage.entity.UsageEvent;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records usage events durably: returns only after the single writer has committed them. Runs
 * outside any transaction, so a waiting request holds no database connection.
 */
@ApplicationScoped
public class UsageLedger {

    public static final int MAX_BATCH = 10_000;

    @Inject
    UsageWriter writer;

    @Inject
    @ConfigProperty(name = "governor.ledger.ack-timeout-seconds", defaultValue = "30")
    long ackTimeoutSeconds;

    /** @param scopeProjectId the project the caller's key is confined to, or null for the admin */
    public RecordedBatch record(List<UsageEvent> events, String scopeProjectId) {
        try {
            return writer.submit(new UsageBatch(events, scopeProjectId)).get(ackTimeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof EJBException ejb && ejb.getCause() != null
                    ? ejb.getCause() : e.getCause();
            if (cause instanceof GovernorException refused) {
                throw refused;
            }
            throw new LedgerUnavailableException("the events were not recorded: " + cause.getMessage());
        } catch (TimeoutException e) {
            throw new LedgerUnavailableException("the events were not acknowledged within " + ackTimeoutSeconds
                    + " s; they may or may not be recorded, and sending them again is safe (event ids are "
                    + "idempotency keys)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for the ledger");
        }
    }
}
