package io.webserv.handlers.files;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing page as a pure function of its entries: order, escaping, links, sizes, times. */
class AutoIndexPageTest {

    private static final Instant NOON = Instant.parse("2024-05-01T12:34:56Z");

    private static AutoIndexPage.Entry file(String name, long size) {
        return new AutoIndexPage.Entry(name, false, size, NOON);
    }

    private static AutoIndexPage.Entry dir(String name) {
        return new AutoIndexPage.Entry(name, true, 4096, NOON);
    }

    @Test
    void listsDirectoriesFirstThenFilesEachByName() {
        String html = AutoIndexPage.html("/d/", true, List.of(file("b.txt", 1), dir("zeta"), file("a.txt", 2), dir("alpha")));

        assertThat(html).containsSubsequence("href=\"alpha/\"", "href=\"zeta/\"", "href=\"a.txt\"", "href=\"b.txt\"");
    }

    @Test
    void escapesShownNamesAndPercentEncodesLinks() {
        String html = AutoIndexPage.html("/d/", true, List.of(file("a b&<c>.txt", 3)));

        assertThat(html).contains("<a href=\"a%20b%26%3Cc%3E.txt\">a b&amp;&lt;c&gt;.txt</a>");
        assertThat(html).doesNotContain("<c>");
    }

    @Test
    void namesWithUriDelimitersLinkToThemselves() {
        assertThat(AutoIndexPage.encode("x#y?z%w")).isEqualTo("x%23y%3Fz%25w");
        assertThat(AutoIndexPage.encode("a:b")).isEqualTo("a%3Ab"); // not a URI scheme
        assertThat(AutoIndexPage.encode("q\"'.txt")).isEqualTo("q%22%27.txt");
        assertThat(AutoIndexPage.encode("été")).isEqualTo("%C3%A9t%C3%A9");
        assertThat(AutoIndexPage.encode("Az09-._~")).isEqualTo("Az09-._~");
    }

    @Test
    void directoriesGetATrailingSlashAndNoSize() {
        String html = AutoIndexPage.html("/", false, List.of(dir("sub"), file("f.bin", 1234567)));

        assertThat(html).contains("<a href=\"sub/\">sub/</a></td><td>-</td>");
        assertThat(html).contains("<a href=\"f.bin\">f.bin</a></td><td>1234567</td><td>2024-05-01 12:34</td>");
    }

    @Test
    void offersTheParentOnlyWhenAsked() {
        assertThat(AutoIndexPage.html("/d/", true, List.of())).contains("<a href=\"../\">../</a>");
        assertThat(AutoIndexPage.html("/", false, List.of())).doesNotContain("../");
    }

    @Test
    void escapesThePathInTheTitle() {
        String html = AutoIndexPage.html("/<x>&/", false, List.of());

        assertThat(html).contains("<title>Index of /&lt;x&gt;&amp;/</title>").contains("<h1>Index of /&lt;x&gt;&amp;/</h1>");
    }

    @Test
    void timesAreUtc() {
        String html = AutoIndexPage.html("/", false, List.of(new AutoIndexPage.Entry("late", false, 0,
                Instant.parse("2023-12-31T23:59:00Z"))));

        assertThat(html).contains("2023-12-31 23:59");
    }

    @Test
    void saysHowManyEntriesWereLeftOut() {
        assertThat(AutoIndexPage.html("/", false, List.of(file("a", 1)), 1)).contains("<p>1 more entry not listed.</p>");
        assertThat(AutoIndexPage.html("/", false, List.of(file("a", 1)), 12_345)).contains("<p>12345 more entries not listed.</p>");
        assertThat(AutoIndexPage.html("/", false, List.of(file("a", 1)))).doesNotContain("not listed");
    }
}
