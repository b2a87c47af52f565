package io.tokengovernor.notify.boundary;

import io.tokengovernor.notify.entity.ErrorEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The error log: failed external calls, rejected input and alerts, newest first. */
@Stateless
public class ErrorLog {

    public static final int MAX_LIST = 1_000;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    Clock clock;

    /** Records in a transaction of its own: the failure being logged usually rolled the caller's back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(ErrorEntry.Kind kind, String source, String detail, String projectId) {
        em.persist(new ErrorEntry(kind, source, detail, projectId, clock.instant()));
    }

    /** Records as part of the caller's transaction (alerts about a change being made). */
    public void recordWithin(ErrorEntry.Kind kind, String source, String detail, String projectId) {
        em.persist(new ErrorEntry(kind, source, detail, projectId, clock.instant()));
    }

    public List<ErrorEntry> since(Instant since, String projectId, int limit) {
        String jpql = "select e from ErrorEntry e where e.occurredAt >= :since"
                + (projectId == null ? "" : " and e.projectId = :project") + " order by e.occurredAt desc, e.id";
        var query = em.createQuery(jpql, ErrorEntry.class).setParameter("since", since)
                .setMaxResults(Math.min(limit, MAX_LIST));
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        return query.getResultList();
    }
}
