package io.tokengovernor.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrator's API key: {@code TOKEN_GOV_ADMIN_KEY} when set. Otherwise the server makes one
 * on first start and keeps it in {@code admin.key} beside its other output (readable by its owner
 * only), so that a fresh installation is never open and never needs a secret in a file of ours.
 */
@ApplicationScoped
public class AdminKey {

    private static final Logger LOG = Logger.getLogger(AdminKey.class.getName());

    @Inject
    @ConfigProperty(name = "token.gov.admin.key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "token.gov.admin.key.file")
    Optional<String> keyFile;

    private volatile byte[] key;

    /** Makes (or reads) the key at start-up, so that its file exists before the first request. */
    void atStartup(@Observes Startup startup) {
        key();
    }

    public boolean matches(String candidate) {
        return MessageDigest.isEqual(key(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = load().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return key;
    }

    private String load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().strip();
        }
        Path file = Path.of(keyFile.orElse(System.getProperty("server.output.dir", ".") + "/admin.key"));
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String generated = ApiKeys.newKey("tga_");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning(() -> "Cannot restrict the permissions of " + file + " on this file system");
            }
            LOG.warning(() -> "TOKEN_GOV_ADMIN_KEY is not set: generated an admin key in " + file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin key file " + file, e);
        }
    }
}
