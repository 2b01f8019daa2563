package io.webserv.handlers.errors;

import io.webserv.handlers.api.Response;
import io.webserv.handlers.api.ResponseBody;
import io.webserv.http.message.HttpHeaders;
import io.webserv.http.message.HttpStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback page: names the status, keeps the fields the status needs, no body where none is allowed. */
class BuiltInErrorPageTest {

    @Test
    void namesTheStatusAndKeepsTheExtraFields() {
        Response response = BuiltInErrorPage.response(HttpStatus.METHOD_NOT_ALLOWED, new HttpHeaders().add("Allow", "GET, HEAD"));

        assertThat(response.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.headers().get("Allow")).isEqualTo("GET, HEAD");
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        String body = StandardCharsets.UTF_8.decode(((ResponseBody.Bytes) response.body()).data()).toString();
        assertThat(body).contains("<h1>405 Method Not Allowed</h1>");
    }

    @Test
    void noBodyForAStatusThatForbidsOne() {
        Response response = BuiltInErrorPage.response(HttpStatus.NOT_MODIFIED, new HttpHeaders().add("ETag", "\"x\""));

        assertThat(response.body().length()).isZero();
        assertThat(response.headers().get("Content-Type")).isNull();
        assertThat(response.headers().get("ETag")).isEqualTo("\"x\"");
    }

    @Test
    void theCallersFieldsAreNotChanged() {
        HttpHeaders extra = new HttpHeaders().add("Allow", "GET").freeze();

        BuiltInErrorPage.response(HttpStatus.METHOD_NOT_ALLOWED, extra);

        assertThat(extra.size()).isEqualTo(1);
    }
}
