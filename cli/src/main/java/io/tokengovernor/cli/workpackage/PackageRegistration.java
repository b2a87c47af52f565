package io.tokengovernor.cli.workpackage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of POST /api/packages/register; unset options are left out so the server applies its defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PackageRegistration(
        String id,
        String projectId,
        List<String> taskIds,
        Long estimatedTokens,
        Integer priority,
        String notBefore,
        String deadline) {
}
