package io.tokengovernor.pulls.control;

import io.tokengovernor.pulls.boundary.PullRequestRefresh;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code governor.pulls.refresh-seconds} (5 minutes by default; 0 turns it off) the open pull requests of
 * every project are brought up to date with GitHub. A round still running when the next is due makes that one skip.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PullRequestTimer {

    private static final Logger LOG = Logger.getLogger(PullRequestTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    GitHubSettings settings;

    @Inject
    PullRequestRefresh refresh;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long seconds = settings.refreshSeconds();
        if (seconds <= 0) {
            LOG.info("Pull requests are refreshed on demand only (governor.pulls.refresh-seconds <= 0)");
            return;
        }
        LOG.info("Open pull requests are refreshed from " + settings + " every " + seconds + " s");
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("pull-request-refresh", false));
    }

    @Timeout
    void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var outcome = refresh.refreshOpen();
            if (outcome.refreshed() > 0 || !outcome.failures().isEmpty()) {
                LOG.fine(() -> "Refreshed " + outcome.refreshed() + " pull request(s), " + outcome.failures().size()
                        + " failed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The pull request refresh failed; it runs again at the next interval", e);
        } finally {
            running.set(false);
        }
    }
}
