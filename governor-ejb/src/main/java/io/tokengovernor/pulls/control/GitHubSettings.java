package io.tokengovernor.pulls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the server asks GitHub about pull requests, with which token, and how often the timer asks; from
 * MicroProfile Config, read in this one place. The token is never logged, returned or shown.
 */
@ApplicationScoped
public class GitHubSettings {

    @Inject
    @ConfigProperty(name = "governor.github.url", defaultValue = "https://api.github.com")
    String url;

    @Inject
    @ConfigProperty(name = "governor.github.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "governor.pulls.refresh-seconds", defaultValue = "300")
    long refreshSeconds;

    /** GitHub's API, or GitHub Enterprise's ({@code https://HOST/api/v3}). */
    public String url() {
        return url;
    }

    /** The token, if one is set (without one the server asks anonymously: public repositories only). */
    Optional<String> token() {
        return token.filter(value -> !value.isBlank());
    }

    /** Seconds between the timer's refreshes of open pull requests; 0 or less turns the timer off. */
    public long refreshSeconds() {
        return refreshSeconds;
    }

    @Override
    public String toString() {
        return "GitHub at " + url + (token().isPresent() ? " with a token" : " without a token");
    }
}
