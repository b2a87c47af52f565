package io.tokengovernor.registry.boundary;

/** The outcome of a registration: the stored entity, and whether this call created it. */
public record Registered<T>(T entity, boolean created) {
}
