package io.tokengovernor.web.packages;

import io.tokengovernor.registry.entity.TaskPackage;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task package as the API shows it. */
@Schema(name = "Package")
public class PackageView {

    public String id;
    public String projectId;
    public List<String> taskIds;
    public long estimatedTokens;
    public int priority;
    public Instant notBefore;
    public Instant deadline;
    public Instant createdAt;

    public static PackageView of(TaskPackage taskPackage) {
        PackageView view = new PackageView();
        view.id = taskPackage.getId();
        view.projectId = taskPackage.getProject().getId();
        view.taskIds = List.copyOf(taskPackage.getTaskIds());
        view.estimatedTokens = taskPackage.getEstimatedTokens();
        view.priority = taskPackage.getPriority();
        view.notBefore = taskPackage.getNotBefore();
        view.deadline = taskPackage.getDeadline();
        view.createdAt = taskPackage.getCreatedAt();
        return view;
    }
}
