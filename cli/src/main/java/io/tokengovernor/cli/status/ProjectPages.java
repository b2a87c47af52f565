package io.tokengovernor.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.util.ArrayList;
import java.util.List;

/** All projects, read page by page from GET /api/projects until the server's "total" is reached. */
final class ProjectPages {

    private static final int PAGE_SIZE = 50;

    private final List<ServerAnswer> pages = new ArrayList<>();
    private final List<JsonNode> projects = new ArrayList<>();

    static ProjectPages read(GovernorServer server) {
        ProjectPages all = new ProjectPages();
        for (int page = 0; ; page++) {
            ServerAnswer answer = server.get("/api/projects?page=" + page + "&size=" + PAGE_SIZE);
            all.pages.add(answer);
            JsonNode items = answer.json().path("items");
            items.forEach(all.projects::add);
            long total = answer.json().path("total").asLong(all.projects.size());
            // an empty page also ends the loop, so a server miscounting "total" cannot make us spin
            if (items.isEmpty() || all.projects.size() >= total) {
                return all;
            }
        }
    }

    List<JsonNode> projects() {
        return projects;
    }

    /** The server's document when one page held everything, else the pages joined in the same shape. */
    String json() {
        if (pages.size() == 1) {
            return pages.get(0).raw();
        }
        ObjectNode joined = JsonNodeFactory.instance.objectNode();
        ArrayNode items = joined.putArray("items");
        projects.forEach(items::add);
        joined.put("page", 0).put("size", projects.size()).put("total", projects.size());
        return joined.toString();
    }
}
