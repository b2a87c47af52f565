package io.tokengovernor.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies above {@code governor.api.max-body-bytes} with 413, whether the client
 * declares the length or streams the body chunked, before anything is parsed or stored.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    private final long maxBytes = ConfigProvider.getConfig()
            .getOptionalValue("governor.api.max-body-bytes", Long.class).orElse(1_048_576L);
    /**
     * A usage batch may carry 10,000 events of a few hundred bytes each; a checkpoint payload as much; and a Claude
     * Code hook its tool's whole input (a file being written) or the usage its relay metered.
     */
    private final long maxBatchBytes = ConfigProvider.getConfig()
            .getOptionalValue("governor.api.max-batch-body-bytes", Long.class).orElse(8_388_608L);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.endsWith("usage/batch") || path.endsWith("/payload")
                || path.endsWith("hooks/claude-code") ? maxBatchBytes : maxBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }

    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException("The request body is larger than the limit of " + maxBytes + " bytes.",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge(limit);
                }
            }
            return n;
        }
    }
}
