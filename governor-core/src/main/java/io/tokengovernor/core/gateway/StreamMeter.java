package io.tokengovernor.core.gateway;

import java.util.function.Consumer;

/** What a model API's answer says about the call's usage, learnt event by event as the answer streams past. */
public interface StreamMeter extends Consumer<SseEvents.Event> {

    /** Whether the API reported any usage at all (a stream cut before its first event reported none). */
    boolean reported();

    /** Whether the answer ran to its end (usage final), as opposed to cut short. */
    boolean complete();

    /** The API's id of the answer, when it gave one. */
    String messageId();

    String model();

    /** The usage to settle: exact when complete, else what was reported and streamed. */
    CallUsage usage();
}
