package io.tokengovernor.gateway.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.claudecode.boundary.ClaudeCodeHooks;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.gateway.CallReservation;
import io.tokengovernor.core.gateway.CallUsage;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.inspector.boundary.ReservationDesk;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.inspector.entity.Reservation;
import io.tokengovernor.registry.boundary.TaskRegistry;
import io.tokengovernor.security.ApiKeys;
import io.tokengovernor.security.Caller;
import io.tokengovernor.usage.boundary.UsageLedger;
import io.tokengovernor.usage.entity.RecordedBatch;
import io.tokengovernor.usage.entity.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission and metering of gateway calls through the same services as the REST API: the reservation desk before
 * forwarding, the ledger's single writer after (the reservation settles with the call's own usage), the inspector's
 * directive in between. Deliberately not transactional: each step is a transaction of its own, as in the REST path
 * (a refused reservation rolls back before the pause it makes due is recorded), and no connection is held while a
 * call streams or the ledger commits.
 */
@ApplicationScoped
public class GatewayDesk {

    public static final String SOURCE = "gateway";

    @Inject
    ApiKeys keys;

    @Inject
    GatewayTasks tasks;

    @Inject
    TaskRegistry registry;

    @Inject
    ReservationDesk desk;

    @Inject
    TaskInspector inspector;

    @Inject
    GatewayDirectives directives;

    @Inject
    UsageLedger ledger;

    @Inject
    ClaudeCodeHooks hooks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "governor.gateway.reservation-ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    /** Who holds the key: a project's key, or the admin's (who must then name the task). */
    public Caller identify(String key) {
        return keys.identify(key);
    }

    /** The task the call is metered on, registered when it is a new session, subagent or default task. */
    public String taskFor(Caller caller, CallerIdentity identity) {
        if (caller.admin()) {
            if (!CallerIdentity.given(identity.taskId())) {
                throw new InvalidRequestException("x-token-gov-task",
                        "with the admin key, name the task the call works for (or use the project's key)");
            }
            String project = registry.projectOf(identity.taskId().strip().toLowerCase(java.util.Locale.ROOT));
            return tasks.taskFor(project, identity);
        }
        return tasks.taskFor(caller.projectId(), identity);
    }

    public String projectOf(String taskId) {
        return registry.projectOf(taskId);
    }

    /**
     * Reserves the call's tokens (the input estimate and an output allowance, at least the task's typical step) and
     * decides: forward (with the checkpoint reminder when the task is to be told), or refuse with the reason.
     */
    public Admission admit(String taskId, long inputEstimate, long maxOutputTokens) {
        GatewayTasks.Facts facts = tasks.factsOf(taskId);
        String projectId = facts.projectId();
        long tokens = CallReservation.tokens(inputEstimate, maxOutputTokens, facts.typicalStep());
        Reservation reservation;
        try {
            reservation = desk.reserve(taskId, tokens, ttlSeconds);
        } catch (ConflictException stopped) {
            Directive directive = inspector.directiveFor(taskId);
            return refused(taskId, projectId, tokens, directive);
        }
        if (!reservation.granted()) {
            // the refusal rolled back; the pause it makes due is recorded in a transaction of its own
            Directive directive = inspector.refused(taskId, reservation.reason());
            return refused(taskId, projectId, tokens, directive);
        }
        Directive directive = reservation.directive();
        if (directive.action() == DirectiveAction.PAUSE) {
            desk.release(taskId, reservation.reservationId());
            return refused(taskId, projectId, tokens, directive);
        }
        String reminder = directive.action() == DirectiveAction.CHECKPOINT ? directives.reminderOnce(taskId, directive)
                : null;
        return new Admission(taskId, projectId, reservation.reservationId(), tokens, directive, reminder, null);
    }

    private Admission refused(String taskId, String projectId, long tokens, Directive directive) {
        return new Admission(taskId, projectId, null, tokens, directive, null, directives.refusalOf(taskId, directive));
    }

    /**
     * Settles the call with the usage its answer reported: a checkpoint the model wrote is recorded first (as the
     * hooks do), then the usage, durably, naming the reservation. An event id the ledger already holds (the hooks'
     * relay metered the same call from the transcript) counts once, and the reservation is given back.
     */
    public RecordedBatch settle(Admission admission, String eventId, String model, CallUsage usage, String text) {
        if (text != null && CheckpointText.find(text).isPresent()) {
            hooks.recordCheckpoint(admission.taskId(), text, null);
        }
        UsageEvent event = new UsageEvent(eventId, admission.taskId(), null, clock.instant(), model, usage.input(),
                usage.output(), usage.cacheCreation(), usage.cacheRead(), null, SOURCE, admission.reservationId());
        RecordedBatch recorded = ledger.record(List.of(event), admission.projectId());
        if (recorded.accepted() == 0) {
            desk.release(admission.taskId(), admission.reservationId());
        }
        return recorded;
    }

    /** Gives the reservation back: the call was not made, or the upstream answered an error. */
    public void release(Admission admission) {
        desk.release(admission.taskId(), admission.reservationId());
    }

    /** Releases and records an upstream failure (error log, webhook). */
    public void upstreamFailed(Admission admission, String api, int status, String detail) {
        release(admission);
        directives.upstreamFailed(admission.projectId(), admission.taskId(), api, status, detail);
    }
}
