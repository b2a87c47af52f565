package io.tokengovernor.cli.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * GitHub's REST API as WireMock serves it: the response shapes of GitHub's documented examples (trimmed to the
 * fields that matter, absolute URLs pointing at the mock), and per resource a scenario whose state moves from
 * absent to present when the real client creates it — so a second run sees what the first one made.
 */
public final class GitHubMock implements AutoCloseable {

    public static final String SHA = "aa218f56b14c9653891f9e74264a383fa43fefbd";
    static final String PRESENT = "present";

    public final WireMockServer server = new WireMockServer(options().dynamicPort());
    final String owner;
    final String name;
    final String login;

    public GitHubMock(String owner, String name, String login) {
        this.owner = owner;
        this.name = name;
        this.login = login;
        server.start();
        server.stubFor(get(urlPathEqualTo("/user")).willReturn(json(200, user(login))));
    }

    /** The real client, pointed at the mock as a GitHub Enterprise user would point it at their server. */
    public GitHub client() throws java.io.IOException {
        return new GitHubBuilder().withEndpoint(base()).withOAuthToken("ghp_test-token").build();
    }

    public String base() {
        return server.baseUrl();
    }

    private String repo() {
        return "/repos/" + owner + "/" + name;
    }

    /** The repository: absent until POST /user/repos (or /orgs/{org}/repos), or present from the start. */
    public GitHubMock repository(boolean present) {
        String scenario = "repository";
        String start = present ? PRESENT : STARTED;
        stateful(scenario, start, get(urlPathEqualTo(repo())), json(404, notFound()), json(200, repository()));
        String create = owner.equals(login) ? "/user/repos" : "/orgs/" + owner + "/repos";
        if (!owner.equals(login)) {
            server.stubFor(get(urlPathEqualTo("/orgs/" + owner)).willReturn(json(200, """
                    {"login":"%s","id":9919,"node_id":"MDEyOk9yZ2FuaXphdGlvbjk5MTk=","url":"%s/orgs/%s",
                     "repos_url":"%s/orgs/%s/repos","type":"Organization"}""".formatted(owner, base(), owner, base(),
                    owner))));
        }
        server.stubFor(post(urlPathEqualTo(create)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(json(201, repository())).willSetStateTo(PRESENT));
        // the default branch exists as soon as the repository does (auto_init)
        server.stubFor(get(urlPathEqualTo(repo() + "/git/refs/heads/main")).willReturn(json(200, ref("main"))));
        return this;
    }

    /** A file on the default branch: absent until PUT, or present with {@code content}. */
    public GitHubMock file(String path, String content) {
        String scenario = "file " + path;
        String url = repo() + "/contents/" + path;
        String start = content == null ? STARTED : PRESENT;
        String shown = content == null ? "" : content;
        stateful(scenario, start, get(urlPathEqualTo(url)), json(404, notFound()), json(200, content(path, shown)));
        server.stubFor(put(urlPathEqualTo(url)).inScenario(scenario)
                .willReturn(json(content == null ? 201 : 200, contentUpdate(path))).willSetStateTo(PRESENT + "-new"));
        return this;
    }

    /** After a PUT the file holds what was sent; the test says what that was. */
    public GitHubMock fileAfterPut(String path, String content) {
        server.stubFor(get(urlPathEqualTo(repo() + "/contents/" + path)).inScenario("file " + path)
                .whenScenarioStateIs(PRESENT + "-new").willReturn(json(200, content(path, content))));
        return this;
    }

    /** A branch other than the default: absent until POST /git/refs, or present. */
    public GitHubMock branch(String branch, boolean present) {
        String scenario = "branch " + branch;
        stateful(scenario, present ? PRESENT : STARTED, get(urlPathEqualTo(repo() + "/git/refs/heads/" + branch)),
                json(404, notFound()), json(200, ref(branch)));
        server.stubFor(post(urlPathEqualTo(repo() + "/git/refs")).inScenario(scenario).whenScenarioStateIs(STARTED)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("refs/heads/" + branch))
                .willReturn(json(201, ref(branch))).willSetStateTo(PRESENT));
        return this;
    }

    /** The default branch's protection: none until PUT, or as the plan wants. */
    public GitHubMock protection(boolean present) {
        String scenario = "protection";
        stateful(scenario, present ? PRESENT : STARTED, get(urlPathEqualTo(repo() + "/branches/main")),
                json(200, branch(false)), json(200, branch(true)));
        server.stubFor(get(urlPathEqualTo(repo() + "/branches/main/protection")).inScenario(scenario)
                .whenScenarioStateIs(PRESENT).willReturn(json(200, protection())));
        server.stubFor(put(urlPathEqualTo(repo() + "/branches/main/protection")).inScenario(scenario)
                .willReturn(json(200, protection())).willSetStateTo(PRESENT));
        return this;
    }

    /** The tree of the default branch's commit, as {@code GET /git/trees/{sha}?recursive=1} lists it. */
    public static final String TREE = "691272480426f78a0138979dd3ce63b77f706feb";
    public static final String NEW_TREE = "cd8274d15fa3ae2ab983129fb037999f264ba9a7";
    public static final String COMMIT = "7638417db6d59f3c431d3e1f261cc637155684cd";

    /**
     * The Git Data API: the default branch's tree holding {@code onMain} (path to blob sha), and blobs, trees and
     * commits created as GitHub's documentation shows them.
     */
    public GitHubMock gitData(java.util.Map<String, String> onMain) {
        StringBuilder entries = new StringBuilder();
        onMain.forEach((path, sha) -> entries.append(entries.length() == 0 ? "" : ",").append("""
                {"path":"%s","mode":"100644","type":"blob","size":30,"sha":"%s","url":"%s%s/git/blobs/%s"}"""
                .formatted(path, sha, base(), repo(), sha)));
        server.stubFor(get(urlPathEqualTo(repo() + "/git/trees/" + SHA)).willReturn(json(200, """
                {"sha":"%s","url":"%s%s/git/trees/%s","tree":[%s],"truncated":false}"""
                .formatted(TREE, base(), repo(), TREE, entries))));
        server.stubFor(post(urlPathEqualTo(repo() + "/git/blobs")).willReturn(json(201, """
                {"url":"%s%s/git/blobs/3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15",
                 "sha":"3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15"}""".formatted(base(), repo()))));
        server.stubFor(post(urlPathEqualTo(repo() + "/git/trees")).willReturn(json(201, """
                {"sha":"%s","url":"%s%s/git/trees/%s","tree":[],"truncated":false}"""
                .formatted(NEW_TREE, base(), repo(), NEW_TREE))));
        server.stubFor(post(urlPathEqualTo(repo() + "/git/commits")).willReturn(json(201, """
                {"sha":"%1$s","node_id":"C_kwDOAAA","url":"%2$s%3$s/git/commits/%1$s",
                 "html_url":"https://github.com/%4$s/commit/%1$s",
                 "author":{"date":"2026-12-05T10:01:45Z","name":"Monalisa Octocat","email":"octocat@github.com"},
                 "committer":{"date":"2026-12-05T10:01:45Z","name":"Monalisa Octocat","email":"octocat@github.com"},
                 "message":"token-gov","tree":{"url":"%2$s%3$s/git/trees/%5$s","sha":"%5$s"},
                 "parents":[{"url":"%2$s%3$s/git/commits/%6$s","sha":"%6$s","html_url":"https://github.com/%4$s/commit/%6$s"}],
                 "verification":{"verified":false,"reason":"unsigned","signature":null,"payload":null}}"""
                .formatted(COMMIT, base(), repo(), owner + "/" + name, NEW_TREE, SHA))));
        return this;
    }

    /** {@code POST /pulls} opens pull request {@code number} from {@code branch} into main. */
    public GitHubMock opensPullRequest(int number, String branch) {
        server.stubFor(post(urlPathEqualTo(repo() + "/pulls")).willReturn(json(201, pull(number, branch, "open", false))));
        return this;
    }

    /** A pull request as {@code GET /pulls/{number}} shows it (GitHub's documented example, trimmed). */
    public String pull(int number, String branch, String state, boolean merged) {
        String url = base() + repo() + "/pulls/" + number;
        return """
                {"url":"%1$s","id":1,"node_id":"MDExOlB1bGxSZXF1ZXN0MQ==","html_url":"https://github.com/%2$s/pull/%3$d",
                 "diff_url":"https://github.com/%2$s/pull/%3$d.diff","issue_url":"%4$s%5$s/issues/%3$d",
                 "number":%3$d,"state":"%6$s","locked":false,"title":"token-gov","body":"",
                 "user":{"login":"%7$s","id":1,"node_id":"MDQ6VXNlcjE=","type":"User","url":"%4$s/users/%7$s"},
                 "created_at":"2026-12-05T10:02:00Z","updated_at":"2026-12-05T10:02:00Z","closed_at":%8$s,
                 "merged_at":%8$s,"merge_commit_sha":null,
                 "head":{"label":"%9$s:%10$s","ref":"%10$s","sha":"%11$s"},
                 "base":{"label":"%9$s:main","ref":"main","sha":"%12$s"},
                 "draft":false,"merged":%13$s,"mergeable":null,"comments":0,"commits":1,"additions":10,"deletions":0,
                 "changed_files":1}"""
                .formatted(url, owner + "/" + name, number, base(), repo(), state, login,
                        merged ? "\"2026-12-05T11:00:00Z\"" : "null", owner, branch, COMMIT, SHA, merged);
    }

    /**
     * How pull request {@code number} stands now, as {@code GET /pulls/{number}} and {@code GET /pulls/{number}/reviews}
     * show it; {@code reviews} are {@code login:STATE} in submission order. A later call replaces what an earlier
     * one said, as GitHub's answers change when people review and merge.
     */
    public GitHubMock pullStands(int number, String branch, String state, boolean merged, String... reviews) {
        String url = repo() + "/pulls/" + number;
        server.stubFor(get(urlPathEqualTo(url)).willReturn(json(200, pull(number, branch, state, merged))));
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < reviews.length; i++) {
            String[] review = reviews[i].split(":", 2);
            server.stubFor(get(urlPathEqualTo("/users/" + review[0])).willReturn(json(200, user(review[0]))));
            list.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"node_id":"MDE3OlB1bGxSZXF1ZXN0UmV2aWV3ODA=","user":{"login":"%s","id":%d,"type":"User",
                     "url":"%s/users/%s"},"body":"","state":"%s","html_url":"https://github.com/%s/pull/%d#pullrequestreview-%d",
                     "pull_request_url":"%s%s","submitted_at":"2026-12-05T10:%02d:00Z","commit_id":"%s",
                     "author_association":"COLLABORATOR"}""".formatted(80 + i, review[0], 100 + i, base(), review[0],
                    review[1], owner + "/" + name, number, 80 + i, base(), url, 10 + i, COMMIT));
        }
        server.stubFor(get(urlPathEqualTo(url + "/reviews")).willReturn(json(200, "[" + list + "]")));
        return this;
    }

    private void stateful(String scenario, String start, MappingBuilder request, ResponseDefinitionBuilder absent,
            ResponseDefinitionBuilder present) {
        server.stubFor(request.inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(absent));
        // the same request once the resource exists: copies of the mapping per "present" state
        server.stubFor(copy(request, scenario, PRESENT, present));
        server.stubFor(copy(request, scenario, PRESENT + "-new", present));
        if (start.equals(PRESENT)) {
            server.setScenarioState(scenario, PRESENT);
        }
    }

    private static MappingBuilder copy(MappingBuilder request, String scenario, String state,
            ResponseDefinitionBuilder answer) {
        var built = request.build();
        var method = built.getRequest().getMethod().value();
        var url = built.getRequest().getUrlPath();
        return com.github.tomakehurst.wiremock.client.WireMock.request(method, urlPathEqualTo(url))
                .inScenario(scenario).whenScenarioStateIs(state).willReturn(answer);
    }

    /** Requests that changed something (POST, PUT, PATCH, DELETE), in order. */
    public List<LoggedRequest> writes() {
        return server.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> !request.getMethod().value().equals("GET"))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    static String notFound() {
        return "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}";
    }

    public String user(String who) {
        return """
                {"login":"%s","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==","type":"User","site_admin":false,
                 "url":"%s/users/%s","html_url":"https://github.com/%s","name":"The Octocat"}"""
                .formatted(who, base(), who, who);
    }

    public String repository() {
        String url = base() + repo();
        return """
                {"id":1296269,"node_id":"MDEwOlJlcG9zaXRvcnkxMjk2MjY5","name":"%s","full_name":"%s/%s","private":true,
                 "owner":{"login":"%s","id":1,"node_id":"MDQ6VXNlcjE=","type":"User","url":"%s/users/%s"},
                 "html_url":"https://github.com/%s/%s","description":"Governed by TokenGovernor","fork":false,
                 "url":"%s","branches_url":"%s/branches{/branch}","git_refs_url":"%s/git/refs{/sha}",
                 "contents_url":"%s/contents/{+path}","pulls_url":"%s/pulls{/number}","default_branch":"main",
                 "visibility":"private","permissions":{"admin":true,"push":true,"pull":true},
                 "created_at":"2026-12-05T08:00:00Z","updated_at":"2026-12-05T08:00:00Z","pushed_at":"2026-12-05T08:00:00Z"}"""
                .formatted(name, owner, name, owner, base(), owner, owner, name, url, url, url, url, url);
    }

    String ref(String branch) {
        return """
                {"ref":"refs/heads/%s","node_id":"MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==","url":"%s%s/git/refs/heads/%s",
                 "object":{"type":"commit","sha":"%s","url":"%s%s/git/commits/%s"}}"""
                .formatted(branch, base(), repo(), branch, SHA, base(), repo(), SHA);
    }

    String content(String path, String text) {
        String encoded = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                .replace("\r\n", "\\n");
        String url = base() + repo() + "/contents/" + path;
        return """
                {"type":"file","encoding":"base64","size":%d,"name":"%s","path":"%s","content":"%s",
                 "sha":"3d21ec53a331a6f037a91c368710b99387d012c1","url":"%s?ref=main",
                 "git_url":"%s%s/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1",
                 "html_url":"https://github.com/%s/%s/blob/main/%s","download_url":"https://raw.githubusercontent.com/%s/%s/main/%s",
                 "_links":{"self":"%s?ref=main","git":"%s%s/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1",
                 "html":"https://github.com/%s/%s/blob/main/%s"}}"""
                .formatted(text.getBytes(StandardCharsets.UTF_8).length, path.substring(path.lastIndexOf('/') + 1),
                        path, encoded, url, base(), repo(), owner, name, path, owner, name, path, url, base(), repo(),
                        owner, name, path);
    }

    String contentUpdate(String path) {
        return """
                {"content":%s,
                 "commit":{"sha":"7638417db6d59f3c431d3e1f261cc637155684cd","node_id":"MDY6Q29tbWl0NzYzODQxN2RiNmQ1OWYzYzQzMWQzZTFmMjYxY2M2MzcxNTU2ODRjZA==",
                  "url":"%s%s/git/commits/7638417db6d59f3c431d3e1f261cc637155684cd","message":"TokenGovernor setup",
                  "tree":{"url":"%s%s/git/trees/691272480426f78a0138979dd3ce63b77f706feb","sha":"691272480426f78a0138979dd3ce63b77f706feb"},
                  "parents":[{"url":"%s%s/git/commits/%s","sha":"%s"}]}}"""
                .formatted(content(path, ""), base(), repo(), base(), repo(), base(), repo(), SHA, SHA);
    }

    String branch(boolean isProtected) {
        return """
                {"name":"main","commit":{"sha":"%s","url":"%s%s/commits/%s"},"protected":%s,
                 "protection_url":"%s%s/branches/main/protection"}"""
                .formatted(SHA, base(), repo(), SHA, isProtected, base(), repo());
    }

    String protection() {
        String url = base() + repo() + "/branches/main/protection";
        return """
                {"url":"%1$s",
                 "required_status_checks":{"url":"%1$s/required_status_checks","strict":true,"contexts":["governed"],
                  "contexts_url":"%1$s/required_status_checks/contexts","checks":[{"context":"governed","app_id":null}]},
                 "enforce_admins":{"url":"%1$s/enforce_admins","enabled":true},
                 "required_pull_request_reviews":{"url":"%1$s/required_pull_request_reviews","dismiss_stale_reviews":false,
                  "require_code_owner_reviews":false,"require_last_push_approval":false,"required_approving_review_count":1},
                 "required_linear_history":{"enabled":false},"allow_force_pushes":{"enabled":false},
                 "allow_deletions":{"enabled":false},"required_conversation_resolution":{"enabled":false}}"""
                .formatted(url);
    }

    @Override
    public void close() {
        server.stop();
    }
}
