package io.webserv.handlers.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MimeTypesTest {

    private final MimeTypes builtIn = MimeTypes.builtIn();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html     | text/html; charset=utf-8",
        "old.htm        | text/html; charset=utf-8",
        "site.css       | text/css; charset=utf-8",
        "app.js         | text/javascript; charset=utf-8",
        "module.mjs     | text/javascript; charset=utf-8",
        "data.json      | application/json",
        "app.js.map     | application/json",
        "notes.txt      | text/plain; charset=utf-8",
        "feed.xml       | application/xml",
        "logo.svg       | image/svg+xml",
        "a.png          | image/png",
        "a.jpg          | image/jpeg",
        "a.jpeg         | image/jpeg",
        "a.gif          | image/gif",
        "a.webp         | image/webp",
        "a.avif         | image/avif",
        "favicon.ico    | image/x-icon",
        "a.bmp          | image/bmp",
        "f.woff         | font/woff",
        "f.woff2        | font/woff2",
        "f.ttf          | font/ttf",
        "f.otf          | font/otf",
        "f.eot          | application/vnd.ms-fontobject",
        "s.mp3          | audio/mpeg",
        "s.wav          | audio/wav",
        "s.ogg          | audio/ogg",
        "v.mp4          | video/mp4",
        "v.webm         | video/webm",
        "doc.pdf        | application/pdf",
        "a.zip          | application/zip",
        "a.tar.gz       | application/gzip",
        "a.tar          | application/x-tar",
        "m.wasm         | application/wasm",
        "t.csv          | text/csv; charset=utf-8",
        "README.md      | text/markdown; charset=utf-8",
        "c.yaml         | application/yaml",
        "c.yml          | application/yaml",
    })
    void knowsTheCommonTypes(String name, String type) {
        assertThat(builtIn.forFileName(name)).isEqualTo(type);
    }

    @Test
    void extensionsMatchWhateverTheirCase() {
        assertThat(builtIn.forFileName("PHOTO.JPG")).isEqualTo("image/jpeg");
        assertThat(builtIn.forFileName("Index.Html")).isEqualTo("text/html; charset=utf-8");
    }

    @ParameterizedTest
    @CsvSource({"Makefile", "archive.unknownext", "trailingdot.", "'.'", "''", "noext"})
    void unknownOrMissingExtensionsAreOctetStream(String name) {
        assertThat(builtIn.forFileName(name)).isEqualTo("application/octet-stream");
    }

    @Test
    void onlyTheLastExtensionCounts() {
        assertThat(builtIn.forFileName("page.html.bak")).isEqualTo(MimeTypes.DEFAULT_TYPE);
        assertThat(builtIn.forFileName("dir.d/file.css")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void configurationAddsAndOverrides() {
        MimeTypes types = new MimeTypes(Map.of("wasm", "application/x-wasm", "GLB", "model/gltf-binary", ".ts", "video/mp2t"));
        assertThat(types.forFileName("m.wasm")).isEqualTo("application/x-wasm");
        assertThat(types.forFileName("scene.glb")).isEqualTo("model/gltf-binary");
        assertThat(types.forFileName("seg.TS")).isEqualTo("video/mp2t");
        assertThat(types.forFileName("a.png")).isEqualTo("image/png");
        assertThat(builtIn.forFileName("scene.glb")).isEqualTo(MimeTypes.DEFAULT_TYPE);
    }

    @Test
    void usesTheLastElementOfAPath() {
        assertThat(builtIn.forPath(Path.of("/srv/www.d/index.html"))).isEqualTo("text/html; charset=utf-8");
        assertThat(builtIn.forPath(Path.of("/"))).isEqualTo(MimeTypes.DEFAULT_TYPE);
    }
}
