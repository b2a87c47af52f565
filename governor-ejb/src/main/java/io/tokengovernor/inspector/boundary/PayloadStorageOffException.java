package io.tokengovernor.inspector.boundary;

import io.tokengovernor.GovernorException;

/** Checkpoint payloads cannot be stored: no encryption key is configured. */
public class PayloadStorageOffException extends GovernorException {

    public PayloadStorageOffException() {
        super("This server does not store checkpoint payloads: set TOKEN_GOV_CHECKPOINT_KEY to a base64 AES-256 "
                + "key (32 random bytes, e.g. `openssl rand -base64 32`) to turn it on, or keep payloads in your own "
                + "storage and report their URI.");
    }

    @Override
    public String problemType() {
        return "payload-storage-off";
    }

    @Override
    public int status() {
        return 501;
    }
}
