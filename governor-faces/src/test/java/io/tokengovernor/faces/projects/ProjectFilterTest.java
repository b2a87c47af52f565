package io.tokengovernor.faces.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectFilterTest {

    @Test
    void blankFieldsDoNotFilter() {
        ProjectFilter filter = new ProjectFilter();
        filter.setName("   ");

        assertThat(filter.toListingFilters()).isEmpty();
    }

    @Test
    void filledFieldsBecomeListingFiltersWithoutSurroundingBlanks() {
        ProjectFilter filter = new ProjectFilter();
        filter.setName(" alpha ");
        filter.setOwner("octocat");
        filter.setTier(1);

        assertThat(filter.toListingFilters())
                .containsEntry("name", "alpha")
                .containsEntry("owner", "octocat")
                .containsEntry("tier", "1")
                .hasSize(3);
    }
}
