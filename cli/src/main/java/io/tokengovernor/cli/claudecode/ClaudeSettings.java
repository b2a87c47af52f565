package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Claude Code settings file ({@code .claude/settings.json}, {@code settings.local.json} or the user's), edited
 * so that only TokenGovernor's hooks change: other hooks (Claude-Flow's, the user's) and every other setting stay
 * as they were, in their order. Installing twice writes the same file; uninstalling removes exactly ours.
 */
final class ClaudeSettings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final ObjectNode root;

    private ClaudeSettings(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    static ClaudeSettings read(Path file) {
        if (!Files.exists(file)) {
            return new ClaudeSettings(file, MAPPER.createObjectNode());
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode parsed = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + " is not a JSON object; fix or remove it first");
            }
            if (object.has("hooks") && !object.get("hooks").isObject()) {
                throw new IllegalArgumentException(file + ": \"hooks\" is not an object; fix it first");
            }
            return new ClaudeSettings(file, object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix it first, nothing was changed");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Settings that hold only our hooks (what {@code token-gov run} hands Claude Code with --settings). */
    static String hooksOnly(GovernorHooks hooks) {
        ClaudeSettings settings = new ClaudeSettings(Path.of("settings.json"), MAPPER.createObjectNode());
        settings.install(hooks);
        return settings.root.toString();
    }

    Path file() {
        return file;
    }

    /** Replaces our hooks by {@code hooks}'; returns whether anything changed. */
    boolean install(GovernorHooks hooks) {
        String before = text();
        removeOurs();
        ObjectNode all = root.has("hooks") ? (ObjectNode) root.get("hooks") : root.putObject("hooks");
        for (String event : GovernorHooks.EVENTS.keySet()) {
            ArrayNode groups = all.has(event) && all.get(event).isArray() ? (ArrayNode) all.get(event)
                    : all.putArray(event);
            ObjectNode group = groups.addObject();
            if (GovernorHooks.takesMatcher(event)) {
                group.put("matcher", "*");
            }
            group.putArray("hooks").add(hooks.hookFor(event));
        }
        return !before.equals(text());
    }

    /** Removes our hooks; returns whether there were any. */
    boolean uninstall() {
        return removeOurs() > 0;
    }

    /** Our hooks as written: event → the hook objects. */
    List<Map.Entry<String, JsonNode>> ours() {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        JsonNode all = root.path("hooks");
        for (Iterator<Map.Entry<String, JsonNode>> events = all.fields(); events.hasNext(); ) {
            Map.Entry<String, JsonNode> event = events.next();
            for (JsonNode group : event.getValue()) {
                for (JsonNode hook : group.path("hooks")) {
                    if (GovernorHooks.ours(hook)) {
                        found.add(Map.entry(event.getKey(), hook));
                    }
                }
            }
        }
        return found;
    }

    /** Writes the file atomically (a temporary file moved over it), creating its folder. */
    void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".settings", ".tmp");
            Files.writeString(temporary, text(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }

    String text() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops our hooks, then the matcher groups and events they leave empty; returns how many were dropped. */
    private int removeOurs() {
        if (!(root.get("hooks") instanceof ObjectNode all)) {
            return 0;
        }
        int removed = 0;
        List<String> emptyEvents = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> events = all.fields(); events.hasNext(); ) {
            Map.Entry<String, JsonNode> event = events.next();
            if (!(event.getValue() instanceof ArrayNode groups) || groups.isEmpty()) {
                continue;
            }
            int removedHere = 0;
            for (int g = groups.size() - 1; g >= 0; g--) {
                if (!(groups.get(g).get("hooks") instanceof ArrayNode hooks)) {
                    continue;
                }
                int before = hooks.size();
                for (int h = hooks.size() - 1; h >= 0; h--) {
                    if (GovernorHooks.ours(hooks.get(h))) {
                        hooks.remove(h);
                    }
                }
                removedHere += before - hooks.size();
                if (before > 0 && hooks.isEmpty()) {
                    groups.remove(g);
                }
            }
            if (removedHere > 0 && groups.isEmpty()) {
                emptyEvents.add(event.getKey());
            }
            removed += removedHere;
        }
        if (removed > 0) {
            all.remove(emptyEvents);
            if (all.isEmpty()) {
                root.remove("hooks");
            }
        }
        return removed;
    }
}
