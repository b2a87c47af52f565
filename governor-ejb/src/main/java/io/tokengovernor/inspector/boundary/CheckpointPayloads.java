package io.tokengovernor.inspector.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.checkpoint.PayloadCipher;
import io.tokengovernor.core.json.JsonLines;
import io.tokengovernor.core.json.MalformedJson;
import io.tokengovernor.inspector.entity.Checkpoint;
import io.tokengovernor.persistence.InstantConverter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps checkpoint payloads (JSON Lines) for agents that have no storage of their own, sealed with
 * AES-256-GCM under the configured key; without a key the feature refuses clearly.
 */
@Stateless
public class CheckpointPayloads {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "token.gov.checkpoint.key")
    Optional<String> key;

    @Inject
    Clock clock;

    /** Seals and stores the payload of the task's checkpoint (replacing an earlier one); returns its SHA-256. */
    public String store(String taskId, String checkpointId, byte[] jsonl) {
        PayloadCipher cipher = cipher();
        checkpointOf(taskId, checkpointId);
        validateJsonLines(jsonl);
        String sha256 = sha256(jsonl);
        String sealed = Base64.getEncoder().encodeToString(cipher.encrypt(jsonl, checkpointId));
        em.createNativeQuery("DELETE FROM checkpoint_payload WHERE checkpoint_id = ?")
                .setParameter(1, checkpointId).executeUpdate();
        em.createNativeQuery("INSERT INTO checkpoint_payload (checkpoint_id, sealed, size_bytes, sha256, stored_at)"
                + " VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, checkpointId).setParameter(2, sealed).setParameter(3, (long) jsonl.length)
                .setParameter(4, sha256)
                .setParameter(5, new InstantConverter().convertToDatabaseColumn(clock.instant()))
                .executeUpdate();
        return sha256;
    }

    public byte[] read(String taskId, String checkpointId) {
        PayloadCipher cipher = cipher();
        checkpointOf(taskId, checkpointId);
        List<?> rows = em.createNativeQuery("SELECT sealed FROM checkpoint_payload WHERE checkpoint_id = ?")
                .setParameter(1, checkpointId).getResultList();
        if (rows.isEmpty()) {
            throw new UnknownEntityException("checkpoint payload", checkpointId);
        }
        return cipher.decrypt(Base64.getDecoder().decode((String) rows.get(0)), checkpointId);
    }

    /** Whether payload storage is on (a key is configured). */
    public boolean enabled() {
        return key.isPresent() && !key.get().isBlank();
    }

    private PayloadCipher cipher() {
        if (key.isEmpty() || key.get().isBlank()) {
            throw new PayloadStorageOffException();
        }
        return PayloadCipher.fromBase64(key.get());
    }

    private void checkpointOf(String taskId, String checkpointId) {
        Checkpoint checkpoint = em.find(Checkpoint.class, checkpointId);
        if (checkpoint == null || !checkpoint.getTaskId().equals(taskId)) {
            throw new UnknownEntityException("checkpoint of task " + taskId, checkpointId);
        }
    }

    /** Every non-blank line must be one JSON value; the payload must be UTF-8. */
    static void validateJsonLines(byte[] payload) {
        try {
            JsonLines.requireValid(payload);
        } catch (MalformedJson e) {
            throw new InvalidRequestException("payload", e.reason());
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
