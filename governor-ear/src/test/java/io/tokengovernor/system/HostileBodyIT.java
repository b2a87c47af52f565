package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.BodyEndpoints.BodyEndpoint;
import io.tokengovernor.system.BodyVolley.Miss;
import io.tokengovernor.system.BodyVolley.Shot;
import io.tokengovernor.system.HostileBodies.HostileBody;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * No request body can hang or crash the server: generated hostile bodies (at least 10,000 a run, from a printed,
 * repeatable seed: {@code -Dhostile.seed=}) against every endpoint the OpenAPI document lists with a JSON or JSON
 * Lines body (the server runs with the test settings, so that checkpoint payloads can be stored).
 * Every answer is a 4xx problem within a second, nothing the fixture can read back has changed, and the server is
 * at rest afterwards (a thread left spinning stays runnable and keeps a core busy). {@code -Dhostile.mutations=}
 * sets how many random byte edits each endpoint gets (300).
 */
class HostileBodyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final int CLIENTS = 4;
    private static final int AT_LEAST = 10_000;
    private static final double AT_REST_CORES = 0.3;
    private static final Duration REST_WINDOW = Duration.ofSeconds(2);
    private static final int REST_WINDOWS = 6;

    @Test
    void no_hostile_body_against_any_json_endpoint_hangs_or_changes_anything() throws Exception {
        TestServerSettings.ensureApplied();
        long seed = Long.getLong("hostile.seed", new SecureRandom().nextLong());
        System.out.println("HostileBodyIT: seed " + seed + " (repeat with -Dhostile.seed=" + seed + ")");
        JsonNode openApi = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/openapi"))
                .header("Accept", "application/json")).json();
        List<BodyEndpoint> endpoints = BodyEndpoints.fromOpenApi(openApi);
        HostileBodyFixture fixture = new HostileBodyFixture();
        fixture.register();
        List<Shot> shots = shotsAt(endpoints, fixture, openApi, seed);
        Map<String, JsonNode> before = fixture.snapshot();
        ServerActivity server = ServerActivity.ofRunningServer();

        long start = System.nanoTime();
        BodyVolley volley = new BodyVolley(CLIENTS, DEADLINE, GovernorApi.adminKey());
        List<Miss> misses = volley.fire(shots);
        System.out.printf("HostileBodyIT: %d of %d bodies answered in %.1f s (%s)%n", volley.answered(),
                shots.size(), (System.nanoTime() - start) / 1e9, volley.latencies());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(endpoints).as("endpoints with a JSON body in the OpenAPI document")
                .extracting(BodyEndpoint::name).contains("POST /projects/register", "POST /usage/batch",
                        "PUT /tasks/{id}/checkpoints/{checkpointId}/payload");
        softly.assertThat(shots).as("hostile bodies generated").hasSizeGreaterThanOrEqualTo(AT_LEAST);
        softly.assertThat(misses).as("bodies not refused with a 4xx problem within %s (seed %d)", DEADLINE, seed)
                .isEmpty();
        try {
            Map<String, JsonNode> after = fixture.snapshot();
            before.forEach((path, state) -> softly.assertThat(after.get(path)).as("GET /api%s", path)
                    .isEqualTo(state));
        } catch (RuntimeException unanswered) {
            softly.fail("the server did not answer the fixture's reads after the volley: " + unanswered);
        }
        List<ServerActivity.Window> windows = new ArrayList<>();
        do {
            windows.add(server.observe(REST_WINDOW));
        } while (!windows.get(windows.size() - 1).atRest(AT_REST_CORES) && windows.size() < REST_WINDOWS);
        System.out.println("HostileBodyIT: the server after the volley, " + REST_WINDOW.toSeconds() + " s windows: "
                + windows);
        softly.assertThat(windows.get(windows.size() - 1).atRest(AT_REST_CORES))
                .as("the server at rest after the volley (below %s cores, no thread runnable throughout a %s window;"
                        + " seen: %s)", AT_REST_CORES, REST_WINDOW, windows)
                .isTrue();
        softly.assertAll();
    }

    /** Every endpoint's hostile bodies, shuffled so that the clients hit different endpoints at once. */
    private static List<Shot> shotsAt(List<BodyEndpoint> endpoints, HostileBodyFixture fixture, JsonNode openApi,
            long seed) {
        List<String> withoutValidBody = endpoints.stream().map(BodyEndpoint::name)
                .filter(name -> fixture.validBody(name) == null).toList();
        if (!withoutValidBody.isEmpty()) {
            throw new AssertionError("endpoints with a JSON body but no valid body in HostileBodyFixture: "
                    + withoutValidBody);
        }
        HostileBodies generator = new HostileBodies(seed);
        int mutations = Integer.getInteger("hostile.mutations", 300);
        List<Shot> shots = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (BodyEndpoint endpoint : endpoints) {
            URI uri = URI.create(GovernorApi.BASE + "/api" + fixture.concrete(endpoint.path()));
            String validBody = fixture.validBody(endpoint.name());
            List<HostileBody> bodies = endpoint.jsonLines() ? generator.againstJsonLines(validBody, mutations)
                    : generator.against(validBody, endpoint.schema(), openApi, mutations);
            for (int i = 0; i < bodies.size(); i++) {
                String mediaType = endpoint.mediaTypes().get(i % endpoint.mediaTypes().size());
                shots.add(new Shot(endpoint.name(), endpoint.method(), uri, mediaType, bodies.get(i)));
                kinds.merge(bodies.get(i).kind(), 1, Integer::sum);
            }
        }
        System.out.println("HostileBodyIT: " + shots.size() + " bodies against " + endpoints.size() + " endpoints ("
                + endpoints.stream().map(BodyEndpoint::name).collect(Collectors.joining(", ")) + "): " + kinds);
        Collections.shuffle(shots, new Random(seed));
        return shots;
    }
}
