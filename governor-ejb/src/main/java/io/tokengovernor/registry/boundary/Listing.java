package io.tokengovernor.registry.boundary;

import java.util.Map;
import java.util.Set;

/**
 * How to cut a listing: text filters by field, the sort field and direction, and the page.
 * Only the fields a listing names as sortable or filterable are honoured; others are refused.
 */
public record Listing(Map<String, String> filters, String sortField, boolean ascending, int page, int size) {

    public static final int MAX_SIZE = 500;

    public Listing {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public static Listing firstPage(int size) {
        return new Listing(Map.of(), null, true, 0, size);
    }

    public int offset() {
        return page * size;
    }

    boolean sortsBy(Set<String> allowed) {
        return sortField == null || allowed.contains(sortField);
    }
}
