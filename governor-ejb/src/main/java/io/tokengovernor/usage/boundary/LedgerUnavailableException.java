package io.tokengovernor.usage.boundary;

import io.tokengovernor.GovernorException;

/** The ledger could not confirm that events are durable; the client should send them again. */
public class LedgerUnavailableException extends GovernorException {

    public LedgerUnavailableException(String detail) {
        super(detail);
    }

    @Override
    public String problemType() {
        return "ledger-unavailable";
    }

    @Override
    public int status() {
        return 503;
    }
}
