package io.webserv.it.attack;

import io.webserv.it.cgi.CgiSite;
import io.webserv.it.support.Poll;
import io.webserv.it.support.ProcFs;
import io.webserv.it.support.RawClient;
import io.webserv.it.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that vanish with a TCP reset at every stage: in the head, in a body, in an upload, while a
 * response is being written, while a CGI script runs. Each time the server closes its side, leaks no
 * descriptor, leaves no partial file and no script behind, and serves the next client.
 */
class ResetsTest {

    @RegisterExtension
    static final AttackedServer SERVER = new AttackedServer();

    private int descriptors;

    @BeforeEach
    void baseline() throws Exception {
        // The file cache keeps big.bin's descriptor open while it is asked for (one, shared by its
        // responses): counted in the baseline, so what is checked is that no connection leaks one.
        assertThat(Requests.exchange(SERVER.address(), Requests.get("/big.bin")).status()).isEqualTo(200);
        SERVER.assertNoConnectionLeft();
        descriptors = ProcFs.openFileDescriptors();
    }

    @Test
    void aResetInTheHead() throws Exception {
        new RawClient(SERVER.address()).send("GET /a.txt HTTP/1.1\r\nHost: a\r\nX-Half: ").reset();

        assertCleanAfterwards();
    }

    @Test
    void aResetInAnUploadLeavesNoPartialFile() throws Exception {
        resetMidUpload("POST /uploads/half.bin HTTP/1.1\r\nHost: a\r\nContent-Length: 5242880\r\n\r\n");
    }

    @Test
    void aResetInAMultipartUploadLeavesNoPartialFile() throws Exception {
        resetMidUpload("POST /uploads HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: 5242880\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"part.bin\"\r\n\r\n");
    }

    /** Sends {@code head} and 2 of the 5 MiB it announces, waits until the file is on disk, then resets. */
    private void resetMidUpload(String head) throws Exception {
        RawClient client = new RawClient(SERVER.address());
        client.send(head).send(new byte[2 * 1024 * 1024]);
        assertThat(Poll.within(Duration.ofSeconds(5), () -> !SERVER.uploadsLeft().isEmpty())).as("the upload has begun on disk").isTrue();
        client.reset();

        assertThat(Poll.within(Duration.ofSeconds(5), () -> SERVER.uploadsLeft().isEmpty())).as("partial upload removed: %s", SERVER.uploadsLeft()).isTrue();
        assertCleanAfterwards();
    }

    @Test
    void aResetWhileTheResponseIsWritten() throws Exception {
        RawClient client = new RawClient(SERVER.address());
        InputStream in = client.send("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n").socket().getInputStream();
        assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024); // the response is under way
        client.reset();

        assertCleanAfterwards();
    }

    @Test
    void aResetWhileACgiScriptRunsKillsIt() throws Exception {
        RawClient client = new RawClient(SERVER.address());
        client.send("GET /cgi-bin/sleep.py?tag=reset HTTP/1.1\r\nHost: a\r\n\r\n");
        long pid = CgiSite.awaitPid(SERVER.dir(), "reset.pid");
        client.reset();

        assertThat(Poll.within(Duration.ofSeconds(5), () -> ProcFs.isReaped(pid))).as("script %d killed and reaped", pid).isTrue();
        assertCleanAfterwards();
    }

    @Test
    void aResetWhileACgiScriptReadsItsBodyKillsIt() throws Exception {
        RawClient client = new RawClient(SERVER.address());
        client.send("POST /cgi-bin/echo.py HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n").send(new byte[300_000]);
        assertThat(Poll.within(Duration.ofSeconds(5), () -> !ProcFs.childrenOfThisJvm().isEmpty())).as("the script started").isTrue();
        client.reset();

        assertThat(Poll.within(Duration.ofSeconds(5), () -> ProcFs.childrenOfThisJvm().isEmpty()))
                .as("scripts left running: %s", ProcFs.childrenOfThisJvm()).isTrue();
        assertCleanAfterwards();
    }

    /** Two hundred resets at random stages in a row, then the same checks. */
    @Test
    void manyResetsAtRandomStages() throws Exception {
        Random random = new Random(20261124);
        byte[] request = "POST /uploads/r.bin HTTP/1.1\r\nHost: a\r\nContent-Length: 65536\r\n\r\n".getBytes();
        for (int i = 0; i < 200; i++) {
            RawClient client = new RawClient(SERVER.address());
            switch (random.nextInt(3)) {
                case 0 -> client.send(java.util.Arrays.copyOf(request, random.nextInt(request.length)));
                case 1 -> client.send(request).send(new byte[random.nextInt(65536)]);
                default -> {
                    client.send("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n");
                    client.socket().getInputStream().readNBytes(random.nextInt(200_000));
                }
            }
            client.reset();
        }
        assertCleanAfterwards();
        Files.deleteIfExists(SERVER.dir().resolve("uploads/r.bin")); // some uploads may have completed
    }

    private void assertCleanAfterwards() throws Exception {
        SERVER.assertNoConnectionLeft();
        SERVER.assertDescriptorsBackTo(descriptors);
        SERVER.assertAlive();
    }

}
