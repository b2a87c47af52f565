package io.tokengovernor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;

/**
 * Reads back what the services stored, in a transaction of its own. Entities load their lazy
 * relations on first use; outside a transaction such a load would keep the pool's only
 * connection until the test method ends, and the next service call would wait for it in vain.
 * Return plain values and assert outside, so a failed assertion reads as itself.
 */
@ApplicationScoped
public class FreshTransaction {

    @Transactional(TxType.REQUIRES_NEW)
    public <T> T read(Supplier<T> reading) {
        return reading.get();
    }
}
