package io.tokengovernor.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for checkpoint payloads at rest. Each payload gets a fresh 96-bit nonce; the
 * checkpoint id is bound as associated data, so a ciphertext moved to another checkpoint fails to
 * decrypt. Stored form: {@code nonce ‖ ciphertext ‖ 128-bit tag}.
 */
public final class PayloadCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private PayloadCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, this one has " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key 32 bytes, base64 (e.g. {@code openssl rand -base64 32}) */
    public static PayloadCipher fromBase64(String base64Key) {
        try {
            return new PayloadCipher(Base64.getDecoder().decode(base64Key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint key must be 32 bytes in base64: " + e.getMessage(), e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String checkpointId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(checkpointId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalArgumentException when the data was altered, or sealed with another key or checkpoint */
    public byte[] decrypt(byte[] stored, String checkpointId) {
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("the stored payload is too short to be a sealed payload");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(checkpointId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the payload does not authenticate: altered, or sealed with another key",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }
}
