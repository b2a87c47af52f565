package io.tokengovernor.faces.projects;

import io.tokengovernor.GovernorException;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.faces.layout.Feedback;
import io.tokengovernor.faces.layout.TablePaging;
import io.tokengovernor.registry.boundary.ProjectRegistry;
import io.tokengovernor.registry.entity.Project;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;

/** Backs {@code projects.xhtml}: the projects table with its budget bars, and the "Register project" dialog. */
@Named
@ViewScoped
public class ProjectsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":projectsForm:projects";

    @Inject
    ProjectRegistry registry;

    private final ProjectFilter filter = new ProjectFilter();
    private ProjectForm form = new ProjectForm();
    private LazyDataModel<Project> projects;

    @PostConstruct
    void init() {
        projects = new ProjectTableModel(registry, filter);
    }

    /** The filter bar changed: show the first page of the new result. */
    public void filterChanged() {
        TablePaging.rewind(TABLE_ID);
    }

    /** Opens the dialog on an empty form, whatever was typed the last time. */
    public void startRegistration() {
        form = new ProjectForm();
    }

    /** Registers the project the dialog describes; the page closes the dialog when {@code registered} comes back. */
    public void register() {
        try {
            Project project = registry.register(null, form.toRegistration()).entity();
            Feedback.success("Project " + project.getName() + " registered");
            PrimeFaces.current().ajax().addCallbackParam("registered", true);
            form = new ProjectForm();
        } catch (GovernorException e) {
            Feedback.refused("Registering project " + form.getName(), e);
        }
    }

    public BudgetUse budgetUse(Project project) {
        return new BudgetUse(project.getUsedTokens(), project.getTokenBudget());
    }

    /** How the budget window reads in the table and the dialog. */
    public String windowLabel(BudgetWindow window) {
        return labelOf(window);
    }

    static String labelOf(BudgetWindow window) {
        return switch (window) {
            case NONE -> "lifetime";
            case ROLLING_5H -> "per 5-hour block";
            case DAILY -> "per day";
            case WEEKLY -> "per week";
            case MONTHLY -> "per month";
        };
    }

    public BudgetWindow[] getBudgetWindows() {
        return BudgetWindow.values();
    }

    public LazyDataModel<Project> getProjects() {
        return projects;
    }

    public ProjectFilter getFilter() {
        return filter;
    }

    public ProjectForm getForm() {
        return form;
    }
}
