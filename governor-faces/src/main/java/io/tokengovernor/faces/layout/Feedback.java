package io.tokengovernor.faces.layout;

import io.tokengovernor.GovernorException;
import io.tokengovernor.InvalidRequestException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.logging.Logger;

/** The dashboard's way of telling the user what happened: Faces messages, shown by growl or message areas. */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    private Feedback() {
    }

    public static void success(String summary) {
        add(FacesMessage.SEVERITY_INFO, summary);
    }

    /** Shows a refused request with the human detail the business layer gave, as the REST API and CLI do. */
    public static void refused(String what, GovernorException failure) {
        LOG.info(() -> what + " refused (" + failure.problemType() + "): " + failure.getMessage());
        add(FacesMessage.SEVERITY_ERROR, failure.getMessage());
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Something did not happen, for a reason the user may act on; not a failure of the request. */
    public static void warning(String summary) {
        add(FacesMessage.SEVERITY_WARN, summary);
    }

    /** Shows every problem of a refused input as a message of its own, so all can be fixed in one go. */
    public static void invalid(String what, InvalidRequestException failure) {
        LOG.info(() -> what + " refused: " + failure.getMessage());
        failure.errors().forEach(error -> add(FacesMessage.SEVERITY_ERROR, error.field() + ": " + error.message()));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
