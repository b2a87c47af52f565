package io.tokengovernor.web;

/** The shape every id on the wire must have. */
public final class Ids {

    /** A UUID in its canonical 8-4-4-4-12 hex form, either case. */
    public static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String UUID_MESSAGE = "must be a UUID such as 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11";

    private Ids() {
    }

    /** Ids are stored in lower case so that the same UUID in another case is the same id. */
    public static String normalise(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }
}
