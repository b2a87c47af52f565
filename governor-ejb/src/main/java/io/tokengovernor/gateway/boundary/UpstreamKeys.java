package io.tokengovernor.gateway.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.core.checkpoint.PayloadCipher;
import io.tokengovernor.inspector.boundary.PayloadStorageOffException;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upstream API key the gateway uses for a project's calls when the client does not bring its own: sealed with
 * AES-256-GCM under the same key as checkpoint payloads ({@code TOKEN_GOV_CHECKPOINT_KEY}), the project and provider
 * bound as associated data so a sealed key moved to another project does not open. Written and deleted, never read
 * back through the API, never logged.
 */
@Stateless
public class UpstreamKeys {

    public static final Set<String> PROVIDERS = Set.of("anthropic", "openai");

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    ProjectRegistry projects;

    @Inject
    @ConfigProperty(name = "token.gov.checkpoint.key")
    Optional<String> key;

    @Inject
    Clock clock;

    /** Stores (or replaces) the project's key for the provider. */
    public void store(String projectId, String provider, String upstreamKey) {
        requireProvider(provider);
        if (upstreamKey == null || upstreamKey.isBlank() || upstreamKey.length() > 4_096
                || !upstreamKey.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException("key", "must be 1 to 4,096 printable ASCII characters without spaces");
        }
        projects.get(projectId);
        String sealed = Base64.getEncoder().encodeToString(cipher().encrypt(
                upstreamKey.strip().getBytes(StandardCharsets.US_ASCII), boundTo(projectId, provider)));
        delete(projectId, provider);
        em.createNativeQuery("INSERT INTO gateway_upstream_key (project_id, provider, sealed, stored_at)"
                + " VALUES (?, ?, ?, ?)")
                .setParameter(1, projectId).setParameter(2, provider).setParameter(3, sealed)
                .setParameter(4, new InstantConverter().convertToDatabaseColumn(clock.instant()))
                .executeUpdate();
    }

    /** Deletes the project's key for the provider; answers whether there was one. */
    public boolean delete(String projectId, String provider) {
        requireProvider(provider);
        return em.createNativeQuery("DELETE FROM gateway_upstream_key WHERE project_id = ? AND provider = ?")
                .setParameter(1, projectId).setParameter(2, provider).executeUpdate() > 0;
    }

    /** Which providers the governor holds a key for, and since when ({@code provider → stored at}); never the keys. */
    public java.util.Map<String, String> held(String projectId) {
        projects.get(projectId);
        java.util.Map<String, String> held = new java.util.TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT provider, stored_at FROM gateway_upstream_key WHERE"
                + " project_id = ?").setParameter(1, projectId).getResultList()) {
            Object[] columns = (Object[]) row;
            held.put((String) columns[0], (String) columns[1]);
        }
        return held;
    }

    /** The project's key for the provider, opened, when the governor holds one. */
    public Optional<String> find(String projectId, String provider) {
        List<?> rows = em.createNativeQuery("SELECT sealed FROM gateway_upstream_key WHERE project_id = ?"
                + " AND provider = ?").setParameter(1, projectId).setParameter(2, provider).getResultList();
        if (rows.isEmpty() || key.isEmpty() || key.get().isBlank()) {
            return Optional.empty();
        }
        byte[] opened = cipher().decrypt(Base64.getDecoder().decode((String) rows.get(0)), boundTo(projectId, provider));
        return Optional.of(new String(opened, StandardCharsets.US_ASCII));
    }

    private PayloadCipher cipher() {
        if (key.isEmpty() || key.get().isBlank()) {
            throw new PayloadStorageOffException();
        }
        return PayloadCipher.fromBase64(key.get());
    }

    private static String boundTo(String projectId, String provider) {
        return "gateway-key:" + projectId + ":" + provider;
    }

    private static void requireProvider(String provider) {
        if (!PROVIDERS.contains(provider)) {
            throw new InvalidRequestException("provider", "must be one of " + PROVIDERS);
        }
    }
}
