package io.tokengovernor.web.problem;

import io.tokengovernor.core.json.StrictJsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Reads every JSON request body into its request class with {@link StrictJsonReader}, in place of the server's
 * JSON-B provider, which hands the raw stream to a lenient binder that can spin forever on a truncated body and
 * silently wraps numbers that do not fit (docs/ARCHITECTURE.md, "Request bodies"). Bodies read as text or bytes
 * (scheduler rules, checkpoint payloads) are left to the resources that parse them.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !type.isPrimitive() && type != String.class && type != byte[].class
                && !InputStream.class.isAssignableFrom(type) && !java.io.Reader.class.isAssignableFrom(type)
                && !type.getName().startsWith("jakarta.");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        // the stream is already bounded by BodySizeLimit, so reading it whole is safe
        return StrictJsonReader.read(body.readAllBytes(), genericType);
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
