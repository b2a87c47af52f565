package io.tokengovernor.faces.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void eachThemeSwitchesToTheOther() {
        assertThat(Theme.LIGHT.other()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.other()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theDarkThemeIsAPrimeFacesDarkTheme() {
        assertThat(Theme.DARK.primeFacesTheme()).isEqualTo("arya-blue");
        assertThat(Theme.LIGHT.primeFacesTheme()).isEqualTo("saga-blue");
    }

    @Test
    void aRememberedChoiceIsReadBackAndAnythingElseIgnored() {
        assertThat(Theme.named("dark")).contains(Theme.DARK);
        assertThat(Theme.named("LIGHT")).contains(Theme.LIGHT);
        assertThat(Theme.named("<script>")).isEmpty();
        assertThat(Theme.named(null)).isEmpty();
    }
}
