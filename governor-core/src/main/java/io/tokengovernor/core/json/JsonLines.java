package io.tokengovernor.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON Lines as the governor keeps them for agents (checkpoint payloads): UTF-8, one JSON value on each line that is
 * not blank. The values are the agent's own, so only their form is checked, with a parser that stops at the end of
 * the input and at its default limits (nesting, number and text lengths) instead of failing unexpectedly there.
 */
public final class JsonLines {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLines() {
    }

    /** @throws MalformedJson saying which line is not JSON, or that the payload is not UTF-8 */
    public static void requireValid(byte[] payload) {
        String[] lines = StrictJsonReader.utf8(payload).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                requireOneValue(lines[i], i + 1);
            }
        }
    }

    private static void requireOneValue(String line, int number) {
        try (JsonParser parser = JSON.createParser(line)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new MalformedJson(null, "line " + number + " holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String column = at == null || at.getColumnNr() < 1 ? "" : ", column " + at.getColumnNr() + ",";
            throw new MalformedJson(null, "line " + number + column + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
