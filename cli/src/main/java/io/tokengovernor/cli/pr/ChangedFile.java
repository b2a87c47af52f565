package io.tokengovernor.cli.pr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file to commit: its path in the repository ({@code /}-separated), its bytes, and whether it is executable. */
public record ChangedFile(String path, byte[] content, boolean executable) {

    /** Git's blob id of the content ({@code sha1("blob <size>\0" + content)}), to compare with a tree entry. */
    public String blobSha() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Git's file mode for a tree entry. */
    public String mode() {
        return executable ? "100755" : "100644";
    }
}
