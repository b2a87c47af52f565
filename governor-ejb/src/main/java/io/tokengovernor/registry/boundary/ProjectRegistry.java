package io.tokengovernor.registry.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.registry.entity.ProjectChange;
import io.tokengovernor.registry.entity.ProjectRegistration;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.scheduler.entity.TokensFreed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Registers, finds, lists and changes projects. */
@Stateless
public class ProjectRegistry {

    static final Set<String> SORTABLE = Set.of("name", "owner", "tier", "tokenBudget", "usedTokens", "createdAt");
    static final Set<String> FILTERABLE = Set.of("name", "owner", "tier", "budgetWindow");

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    InspectorSettings settings;

    @Inject
    Event<TokensFreed> freed;

    @Inject
    Clock clock;

    /** Registers a project; the same id with the same content again is a no-op, with other content a conflict. */
    public Registered<Project> register(String requestedId, ProjectRegistration registration) {
        String id = requestedId != null ? requestedId : UUID.randomUUID().toString();
        Project existing = em.find(Project.class, id);
        if (existing != null) {
            List<String> differences = existing.differencesFrom(registration);
            if (!differences.isEmpty()) {
                throw ConflictException.registration("project", id, "differs in " + String.join(", ", differences));
            }
            return new Registered<>(existing, false);
        }
        Project project = new Project(id, registration, clock.instant());
        em.persist(project);
        return new Registered<>(project, true);
    }

    public Optional<Project> find(String id) {
        return Optional.ofNullable(em.find(Project.class, id));
    }

    public Project get(String id) {
        return find(id).orElseThrow(() -> new UnknownEntityException("project", id));
    }

    public Project change(String id, ProjectChange change) {
        if (change.isEmpty()) {
            throw new InvalidRequestException("body", "names no field to change");
        }
        Project project = get(id);
        if (change.changesThresholds()) {
            try {
                project.overrideThresholds(change.threshold(), change.thresholdMin(), change.thresholdMax(),
                        settings.thresholds(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("threshold", e.getMessage());
            }
        }
        project.change(change, clock.instant());
        if (change.tokenBudget() != null || change.budgetWindow() != null) {
            freed.fire(new TokensFreed(id, "project budget changed"));
        }
        return project;
    }

    /** The checkpoint threshold bounds that apply to the project (its overrides, else the server's). */
    public ThresholdSettings thresholdsOf(Project project) {
        return project.thresholds(settings.thresholds());
    }

    public Page<Project> list(Listing listing) {
        if (!listing.sortsBy(SORTABLE)) {
            throw new InvalidRequestException("sort", "must be one of " + SORTABLE);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Project> query = cb.createQuery(Project.class);
        Root<Project> root = query.from(Project.class);
        query.where(filters(cb, root, listing.filters()));
        String sortField = listing.sortField() == null ? "createdAt" : listing.sortField();
        query.orderBy(listing.ascending() ? cb.asc(root.get(sortField)) : cb.desc(root.get(sortField)),
                cb.asc(root.get("id")));
        List<Project> items = em.createQuery(query)
                .setFirstResult(listing.offset())
                .setMaxResults(listing.size())
                .getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Project> countRoot = count.from(Project.class);
        count.select(cb.count(countRoot)).where(filters(cb, countRoot, listing.filters()));
        return new Page<>(items, listing.page(), listing.size(), em.createQuery(count).getSingleResult());
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<Project> root, Map<String, String> filters) {
        List<Predicate> predicates = new ArrayList<>();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String field = filter.getKey();
            String value = filter.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!FILTERABLE.contains(field)) {
                throw new InvalidRequestException(field, "cannot filter by this field; use one of " + FILTERABLE);
            }
            switch (field) {
                case "tier" -> predicates.add(cb.equal(root.get("tier"), parseTier(value)));
                case "budgetWindow" -> predicates.add(cb.equal(root.get("budgetWindow").as(String.class),
                        value.toUpperCase(Locale.ROOT)));
                default -> predicates.add(cb.like(cb.lower(root.get(field)),
                        "%" + value.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%"));
            }
        }
        return predicates.toArray(Predicate[]::new);
    }

    private static int parseTier(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("tier", "must be 1 or 2");
        }
    }
}
