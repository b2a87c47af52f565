package io.tokengovernor.core.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads server-sent events out of a byte stream as it arrives, in chunks cut anywhere (inside a line, inside a
 * UTF-8 character): the gateway passes every chunk on untouched and feeds a copy here to learn the usage. Lines end
 * with LF, CR LF or CR; an empty line ends an event; {@code data} lines are joined with LF; comments are skipped
 * (WHATWG HTML, "Interpreting an event stream").
 */
public final class SseEvents {

    /** One event: its name ({@code message} when the stream names none) and its data. */
    public record Event(String name, String data) {
    }

    /** The longest line kept; a longer one is cut (the stream still passes through whole). */
    private static final int MAX_LINE = 8 * 1024 * 1024;

    private final Consumer<Event> listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String name;
    private boolean hasData;
    private boolean afterCr;

    public SseEvents(Consumer<Event> listener) {
        this.listener = listener;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }

    private void dispatch() {
        if (hasData) {
            listener.accept(new Event(name == null || name.isEmpty() ? "message" : name, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        name = null;
    }
}
