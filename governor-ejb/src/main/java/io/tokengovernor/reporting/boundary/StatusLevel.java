package io.tokengovernor.reporting.boundary;

import io.tokengovernor.InvalidRequestException;
import java.util.Locale;

/** The things whose status can be asked for. */
public enum StatusLevel {
    PROJECT, AGENT, TASK, PACKAGE;

    public static StatusLevel parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("level", "must be one of project, agent, task, package");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
