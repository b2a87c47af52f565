package io.tokengovernor.faces.layout;

import java.util.Optional;

/** The dashboard's two looks and the PrimeFaces theme behind each. */
public enum Theme {
    LIGHT("saga-blue"),
    DARK("arya-blue");

    private final String primeFacesTheme;

    Theme(String primeFacesTheme) {
        this.primeFacesTheme = primeFacesTheme;
    }

    public String primeFacesTheme() {
        return primeFacesTheme;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The theme a remembered value names; empty for anything else, so a tampered cookie is ignored. */
    public static Optional<Theme> named(String value) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(value)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
