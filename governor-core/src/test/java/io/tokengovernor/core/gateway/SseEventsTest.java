package io.tokengovernor.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    private static final String STREAM = "event: message_start\ndata: {\"a\":\"é\"}\n\n: a comment\n\n"
            + "event: ping\r\ndata: {}\r\n\r\ndata: one\ndata: two\n\nevent: x\ndata:no space\r\r";

    @Test
    void events_are_read_whatever_the_line_endings_and_comments() {
        List<SseEvents.Event> events = new ArrayList<>();
        new SseEvents(events::add).feed(STREAM.getBytes(StandardCharsets.UTF_8));
        assertThat(events).containsExactly(new SseEvents.Event("message_start", "{\"a\":\"é\"}"),
                new SseEvents.Event("ping", "{}"), new SseEvents.Event("message", "one\ntwo"),
                new SseEvents.Event("x", "no space"));
    }

    @Test
    void chunks_cut_anywhere_give_the_same_events_as_the_whole_stream() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<SseEvents.Event> whole = new ArrayList<>();
        new SseEvents(whole::add).feed(bytes);
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<SseEvents.Event> cut = new ArrayList<>();
            SseEvents events = new SseEvents(cut::add);
            int at = 0;
            while (at < bytes.length) {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(7));
                events.feed(bytes, at, length);
                at += length;
            }
            assertThat(cut).isEqualTo(whole);
        }
    }

    @Test
    void an_event_without_its_closing_empty_line_is_not_dispatched() {
        List<SseEvents.Event> events = new ArrayList<>();
        new SseEvents(events::add).feed("event: message_stop\ndata: {}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).isEmpty();
    }
}
