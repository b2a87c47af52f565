package io.tokengovernor.web.security;

import io.tokengovernor.UnauthorizedException;
import io.tokengovernor.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as the API key filter identified it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void identified(Caller identified) {
        this.caller = identified;
    }

    public Caller get() {
        if (caller == null) {
            throw new UnauthorizedException("This request needs an API key.");
        }
        return caller;
    }
}
