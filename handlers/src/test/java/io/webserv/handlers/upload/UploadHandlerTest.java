package io.webserv.handlers.upload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of the dispatch; the handler itself is tested over real sockets (integration-tests). */
class UploadHandlerTest {

    @Test
    void theNameIsThePathBelowTheRoute() {
        assertThat(UploadHandler.pathBelow("/uploads", "/uploads/a.txt")).isEqualTo("a.txt");
        assertThat(UploadHandler.pathBelow("/uploads", "/uploads/dir/a.txt")).isEqualTo("dir/a.txt");
        assertThat(UploadHandler.pathBelow("/uploads", "/uploads/dir/")).isEqualTo("dir/");
        assertThat(UploadHandler.pathBelow("/uploads", "/uploads/")).isEmpty();
        assertThat(UploadHandler.pathBelow("/uploads", "/uploads")).isEmpty();
        assertThat(UploadHandler.pathBelow("/", "/a.txt")).isEqualTo("a.txt");
        assertThat(UploadHandler.pathBelow("/a/b", "/a/b/c")).isEqualTo("c");
    }

    @Test
    void recognisesFormDataWhateverItsCaseAndParameters() {
        assertThat(UploadHandler.isFormData("multipart/form-data; boundary=x")).isTrue();
        assertThat(UploadHandler.isFormData("Multipart/Form-Data ;boundary=x")).isTrue();
        assertThat(UploadHandler.isFormData("multipart/form-data")).isTrue();
        assertThat(UploadHandler.isFormData("multipart/mixed; boundary=x")).isFalse();
        assertThat(UploadHandler.isFormData("application/octet-stream")).isFalse();
        assertThat(UploadHandler.isFormData(null)).isFalse();
    }
}
