package io.tokengovernor.security;

import io.tokengovernor.UnauthorizedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Issues per-project API keys (256 random bits, shown once, stored as a SHA-256 hash) and tells who
 * holds a presented key. A salted slow hash is not needed: the keys are random, not passwords.
 */
@Stateless
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    AdminKey adminKey;

    @Inject
    Clock clock;

    /** Creates a key for the project and returns it; only its hash is kept. */
    public String issue(String projectId) {
        String key = newKey("tgp_");
        em.createNativeQuery("INSERT INTO project_api_key (key_hash, project_id, created_at) VALUES (?, ?, ?)")
                .setParameter(1, hash(key))
                .setParameter(2, projectId)
                .setParameter(3, new io.tokengovernor.persistence.InstantConverter()
                        .convertToDatabaseColumn(clock.instant()))
                .executeUpdate();
        return key;
    }

    /** Who presents this bearer key; refuses keys nobody holds. */
    public Caller identify(String presented) {
        if (presented == null || presented.isBlank()) {
            throw new UnauthorizedException("This request changes data and needs an API key: send "
                    + "'Authorization: Bearer <key>' (the admin key, or the project's key from its registration).");
        }
        if (adminKey.matches(presented)) {
            return Caller.ADMIN;
        }
        List<?> owners = em.createNativeQuery("SELECT project_id FROM project_api_key WHERE key_hash = ?")
                .setParameter(1, hash(presented)).getResultList();
        if (owners.isEmpty()) {
            throw new UnauthorizedException("The API key is not valid.");
        }
        return Caller.ofProject((String) owners.get(0));
    }

    static String newKey(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
