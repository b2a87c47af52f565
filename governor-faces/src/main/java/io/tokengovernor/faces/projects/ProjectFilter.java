package io.tokengovernor.faces.projects;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The filter bar above the projects table; blank fields do not filter. */
public class ProjectFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String owner;
    private Integer tier;

    /** The filters in the form {@code ProjectRegistry.list} understands. */
    Map<String, String> toListingFilters() {
        Map<String, String> filters = new HashMap<>();
        putIfPresent(filters, "name", name);
        putIfPresent(filters, "owner", owner);
        if (tier != null) {
            filters.put("tier", tier.toString());
        }
        return filters;
    }

    private static void putIfPresent(Map<String, String> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(field, value.strip());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier;
    }
}
