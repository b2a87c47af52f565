package io.tokengovernor.security;

import io.tokengovernor.ForbiddenException;

/** Who sent a mutating request: the administrator, or the holder of one project's key. */
public record Caller(boolean admin, String projectId) {

    public static final Caller ADMIN = new Caller(true, null);

    public static Caller ofProject(String projectId) {
        return new Caller(false, projectId);
    }

    public void requireAdmin(String action) {
        if (!admin) {
            throw new ForbiddenException("Only the admin key may " + action + "; this key belongs to project "
                    + projectId + ".");
        }
    }

    public void requireProject(String targetProjectId) {
        if (!admin && !projectId.equals(targetProjectId)) {
            throw new ForbiddenException("This key belongs to project " + projectId + " and may not touch project "
                    + targetProjectId + ".");
        }
    }

    /** The project this caller is confined to, or null for the administrator. */
    public String scope() {
        return admin ? null : projectId;
    }
}
