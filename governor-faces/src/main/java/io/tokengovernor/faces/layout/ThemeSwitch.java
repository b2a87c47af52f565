package io.tokengovernor.faces.layout;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The light/dark choice of one user. {@code web.xml} hands {@code #{themeSwitch.theme}} to PrimeFaces
 * as its theme, evaluated on every render; a cookie carries the choice over to the next session.
 */
@Named
@SessionScoped
public class ThemeSwitch implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "tokengov-theme";
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

    private Theme theme = Theme.LIGHT;

    @PostConstruct
    void restoreRememberedChoice() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie remembered) {
            Theme.named(remembered.getValue()).ifPresent(choice -> theme = choice);
        }
    }

    /** The PrimeFaces theme name, e.g. {@code saga-blue}. */
    public String getTheme() {
        return theme.primeFacesTheme();
    }

    public boolean isDark() {
        return theme == Theme.DARK;
    }

    /** Switches to the other theme and reloads the current page, whose head then links the other stylesheet. */
    public String toggle() {
        theme = theme.other();
        FacesContext faces = FacesContext.getCurrentInstance();
        remember(faces.getExternalContext());
        return faces.getViewRoot().getViewId() + "?faces-redirect=true";
    }

    private void remember(ExternalContext external) {
        external.addResponseCookie(COOKIE, theme.name().toLowerCase(Locale.ROOT), Map.of(
                "maxAge", ONE_YEAR_SECONDS,
                "path", external.getRequestContextPath() + "/",
                "httpOnly", Boolean.TRUE,
                "SameSite", "Lax"));
    }
}
