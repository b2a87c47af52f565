package io.tokengovernor.gateway.web;

import io.tokengovernor.GovernorException;
import io.tokengovernor.core.gateway.ModelRequest;
import io.tokengovernor.gateway.boundary.Admission;
import io.tokengovernor.gateway.boundary.CallerIdentity;
import io.tokengovernor.gateway.boundary.GatewayDesk;
import io.tokengovernor.gateway.boundary.UpstreamKeys;
import io.tokengovernor.security.Caller;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One model API behind the gateway: authenticates the call with a project's key, finds its task, reserves its
 * tokens, forwards it (with the checkpoint reminder once, when due) and hands the answer to a {@link ForwardedCall},
 * which passes it on as it arrives and settles it. Every refusal is in the API's own error format, so the client's
 * SDK reads it as it reads the provider's.
 */
abstract class ModelGateway extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ModelGateway.class.getName());

    @Inject
    GatewayDesk desk;

    @Inject
    UpstreamKeys upstreamKeys;

    @Inject
    Upstream upstream;

    abstract ModelApi api();

    /** The upstream path of a gateway path, or null when the gateway does not serve it. */
    abstract String upstreamPath(String pathInfo);

    /** Whether the path is a model call to meter (not, e.g., a token count). */
    abstract boolean metered(String upstreamPath);

    /** The request as forwarded: OpenAI streams are asked for their usage. */
    ModelRequest prepared(ModelRequest request) {
        return request;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = upstreamPath(request.getPathInfo());
        if (path == null) {
            refuse(response, 404, "TokenGovernor's gateway does not serve " + request.getRequestURI());
            return;
        }
        try {
            byte[] body = readBody(request);
            Credentials credentials = Credentials.of(request);
            if (credentials.projectKey() == null) {
                refuse(response, 401, "TokenGovernor's gateway needs the project's key: send it as x-api-key, as "
                        + "Authorization: Bearer, or in x-token-gov-key (then your own key goes upstream)");
                return;
            }
            Caller caller = desk.identify(credentials.projectKey());
            ModelRequest model = ModelRequest.parse(body);
            boolean stream = model.stream();
            String taskId = desk.taskFor(caller, identityOf(request));
            String upstreamKey = upstreamKey(credentials, taskId);
            if (!metered(path)) {
                forward(request, response, path, model, credentials, upstreamKey, null, stream);
                return;
            }
            Admission admission = desk.admit(taskId, model.inputEstimate(), model.maxOutputTokens());
            if (!admission.admitted()) {
                response.setHeader("x-should-retry", "false");
                refuse(response, 429, admission.refusal());
                return;
            }
            ModelRequest forwarded = prepared(admission.reminder() == null ? model
                    : model.withReminder(admission.reminder()));
            try {
                forward(request, response, path, forwarded, credentials, upstreamKey, admission, stream);
            } catch (RuntimeException | IOException notForwarded) {
                desk.release(admission);
                throw notForwarded;
            }
        } catch (ModelRequest.InvalidModelRequest invalid) {
            refuse(response, 400, "TokenGovernor's gateway cannot read the request: " + invalid.getMessage());
        } catch (BodyTooLarge large) {
            refuse(response, 413, large.getMessage());
        } catch (GatewayRefusal refused) {
            refuse(response, refused.status(), refused.getMessage());
        } catch (GovernorException refused) {
            refuse(response, refused.status(), "TokenGovernor: " + refused.getMessage());
        } catch (EJBException wrapped) {
            if (wrapped.getCause() instanceof GovernorException refused) {
                refuse(response, refused.status(), "TokenGovernor: " + refused.getMessage());
            } else {
                LOG.log(Level.SEVERE, "gateway call failed", wrapped);
                refuse(response, 500, "TokenGovernor's gateway failed: " + wrapped.getMessage());
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        refuse(response, 405, "TokenGovernor's gateway takes POST only");
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, String path, ModelRequest model,
            Credentials credentials, String upstreamKey, Admission admission, boolean stream) throws IOException {
        URI target = upstream.uriOf(api(), path, request.getQueryString());
        ForwardedCall call = new ForwardedCall(api(), desk, upstream, request.startAsync(), response, admission,
                admission == null ? null : api().meter(model.inputEstimate()), stream);
        call.start(Headers.forwarded(request, api(), target, model.bytes(), credentials.clientKeyPassesThrough(),
                upstreamKey, upstream.timeout()));
    }

    /** The key sent upstream: the client's own (passed through), else the one named, else the project's held key. */
    private String upstreamKey(Credentials credentials, String taskId) {
        if (credentials.clientKeyPassesThrough()) {
            return null;
        }
        if (credentials.upstreamKey() != null) {
            return credentials.upstreamKey();
        }
        String projectId = desk.projectOf(taskId);
        return upstreamKeys.find(projectId, api().provider).orElseThrow(() -> new GatewayRefusal(401,
                "TokenGovernor holds no " + api().provider + " key for project " + projectId + ": store one (PUT "
                        + "/api/projects/" + projectId + "/gateway-key) or send yours in x-token-gov-upstream-key"));
    }

    private static CallerIdentity identityOf(HttpServletRequest request) {
        return new CallerIdentity(request.getHeader("x-claude-code-session-id"),
                request.getHeader("x-claude-code-agent-id"), request.getHeader("x-claude-code-parent-agent-id"),
                request.getHeader("x-token-gov-task"));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        int limit = upstream.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return body;
        }
    }

    void refuse(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = api().error(status, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A body above {@code governor.gateway.max-body-bytes}. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(int limit) {
            super("TokenGovernor's gateway takes request bodies of at most " + limit + " bytes");
        }
    }

    /** A refusal of the gateway's own, with its status. */
    static final class GatewayRefusal extends GovernorException {
        private final int status;

        GatewayRefusal(int status, String detail) {
            super(detail);
            this.status = status;
        }

        @Override
        public String problemType() {
            return "gateway";
        }

        @Override
        public int status() {
            return status;
        }
    }
}
