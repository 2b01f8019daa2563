package io.webserv.handlers.files;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long listing keeps its first entries in page order, whatever order the directory gives them in. */
class FirstEntriesTest {

    private static AutoIndexPage.Entry file(String name) {
        return new AutoIndexPage.Entry(name, false, 1, Instant.EPOCH);
    }

    private static AutoIndexPage.Entry dir(String name) {
        return new AutoIndexPage.Entry(name, true, 0, Instant.EPOCH);
    }

    @Test
    void keepsTheFirstInPageOrderAndCountsTheRest() {
        FirstEntries first = new FirstEntries(3);
        for (AutoIndexPage.Entry entry : List.of(file("d"), file("a"), dir("z"), file("c"), file("b"), dir("y"))) {
            first.add(entry);
        }

        assertThat(first.entries()).containsExactlyInAnyOrder(dir("y"), dir("z"), file("a"));
        assertThat(first.omitted()).isEqualTo(3);
    }

    @Test
    void aShortListingIsWhole() {
        FirstEntries first = new FirstEntries(3);
        first.add(file("b"));
        first.add(file("a"));

        assertThat(first.entries()).containsExactlyInAnyOrder(file("a"), file("b"));
        assertThat(first.omitted()).isZero();
    }
}
