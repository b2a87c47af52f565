package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.core.scheduler.ResumePrediction;
import io.tokengovernor.registry.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** Keeps on each queued task what the last pass predicted for it, for status and for accuracy later. */
@Stateless
public class Predictions {

    public static final String NEEDS_TASK_BUDGET = "NEEDS_TASK_BUDGET_RAISE";

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    public void record(Map<String, ResumePrediction> forecast, List<String> needRaise) {
        forecast.forEach((taskId, prediction) -> {
            Task task = em.find(Task.class, taskId);
            if (task != null) {
                task.predict(prediction.outcome().name(), prediction.resumeAt(), prediction.tokensAvailable());
            }
        });
        for (String taskId : needRaise) {
            Task task = em.find(Task.class, taskId);
            if (task != null) {
                task.predict(NEEDS_TASK_BUDGET, null, null);
            }
        }
    }
}
