package io.tokengovernor.faces.layout;

import io.tokengovernor.GovernorException;
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

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
