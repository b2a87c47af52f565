package io.tokengovernor.cli.project;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of POST /api/projects/register; unset options are left out so the server applies its defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProjectRegistration(
        String id,
        String name,
        String owner,
        int tier,
        long tokenBudget,
        String budgetWindow,
        Long softLimit,
        String webhookUrl,
        String webhookSecret) {
}
