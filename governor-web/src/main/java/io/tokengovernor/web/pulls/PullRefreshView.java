package io.tokengovernor.web.pulls;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a refresh: how many pull requests GitHub told about, what failed, and the list as it is now. */
@Schema(name = "PullRequestRefresh")
public class PullRefreshView {

    @Schema(description = "Pull requests brought up to date with GitHub")
    public int refreshed;
    @Schema(description = "Pull requests GitHub could not tell about (also in the error log); they stay as they were")
    public List<String> failures;
    public List<PullRequestView> pulls;
}
