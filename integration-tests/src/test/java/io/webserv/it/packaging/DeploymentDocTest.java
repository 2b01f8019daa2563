package io.webserv.it.packaging;

import io.webserv.it.support.RepositoryFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/deployment.md shows files of {@code packaging/} in full; each copy is marked by a line
 * {@code <!-- file: PATH ... -->} right above its fenced block, and must be the file as it is.
 */
class DeploymentDocTest {

    private static final String DOC = "docs/deployment.md";
    private static final Pattern MARKER = Pattern.compile("<!-- file: (\\S+) .*-->");

    @Test
    void everyFileShownIsTheFileAsItIs() throws IOException {
        Map<String, String> shown = shownFiles(RepositoryFile.read(DOC).lines().toList());
        assertThat(shown.keySet()).as("files %s shows", DOC).contains("packaging/haproxy/haproxy.cfg",
                "packaging/nginx/webserv.conf", "packaging/systemd/webserv.service", "packaging/webserv.yaml",
                "packaging/docker/Dockerfile");
        for (Map.Entry<String, String> file : shown.entrySet()) {
            assertThat(file.getValue()).as("%s's copy of %s", DOC, file.getKey())
                    .isEqualTo(RepositoryFile.read(file.getKey()).stripTrailing());
        }
    }

    /** Path → the text of the fenced block under its marker. */
    private static Map<String, String> shownFiles(List<String> lines) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            assertThat(lines.get(i + 1)).as("%s:%d: a fenced block right under the marker", DOC, i + 2)
                    .startsWith("```");
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            shown.put(marker.group(1), String.join("\n", lines.subList(i + 2, end)).stripTrailing());
            i = end;
        }
        return shown;
    }
}
