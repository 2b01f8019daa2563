package io.webserv.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pid file: written whole, stale ones taken over, live ones respected, removed only by its writer. */
class PidFileTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("webserv.pid");
    }

    @Test
    void writesThisProcessIdAndRemovesItsOwnFile() throws Exception {
        PidFile pid = PidFile.claim(file());
        assertThat(file()).as("nothing before write").doesNotExist();
        pid.write();
        assertThat(Files.readString(file())).isEqualTo(SELF + "\n");
        assertThat(PidFile.read(file())).isEqualTo(SELF);
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(file());
        }
        pid.removeIfOurs();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aStaleFileIsTakenOver() throws Exception {
        Files.writeString(file(), deadPid() + "\n");
        PidFile.claim(file()).write();
        assertThat(PidFile.read(file())).isEqualTo(SELF);

        Files.writeString(file(), "garbage");
        PidFile.claim(file()).write();
        assertThat(PidFile.read(file())).as("a file without a pid is stale too").isEqualTo(SELF);
    }

    @Test
    void aFileNamingAnotherLiveProcessRefusesTheClaim() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(file(), other.pid() + "\n");
            assertThatThrownBy(() -> PidFile.claim(file())).isInstanceOf(IOException.class)
                    .hasMessageContaining("names process " + other.pid() + ", which is running")
                    .hasMessageContaining(file().toString());
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(PidFile.claim(file())).as("once it is gone, the file is stale").isNotNull();
    }

    @Test
    void aFileTakenOverByAnotherProcessIsNotRemoved() throws Exception {
        PidFile pid = PidFile.claim(file());
        pid.write();
        Files.writeString(file(), "12345\n");
        pid.removeIfOurs();
        assertThat(Files.readString(file())).isEqualTo("12345\n");
    }

    @Test
    void readSaysWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> PidFile.read(file())).isInstanceOf(NoSuchFileException.class);
        Files.writeString(file(), "-4\n");
        assertThatThrownBy(() -> PidFile.read(file())).isInstanceOf(IOException.class)
                .hasMessage("pid file " + file() + " holds no process id (got '-4')");
        Files.writeString(file(), "  42 \n");
        assertThat(PidFile.read(file())).isEqualTo(42);
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }
}
