package io.webserv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code /proc} tells about processes and this JVM: whether a process ended and was reaped,
 * zombie children, and how many file descriptors this JVM holds (the in-process server's included).
 */
public final class ProcFs {

    private ProcFs() {
    }

    /** The file descriptors this JVM has open now. */
    public static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until this JVM holds at most {@code baseline} descriptors; returns the count then. */
    public static int awaitFileDescriptorsAtMost(int baseline, Duration limit) throws InterruptedException {
        Poll.within(limit, () -> openFileDescriptors() <= baseline);
        return openFileDescriptors();
    }

    /** Whether a process has ended: gone from /proc, or a zombie some other process has to reap. */
    public static boolean isDead(long pid) {
        String state = stat(pid);
        return state == null || state.charAt(0) == 'Z' && parentOf(state) != ProcessHandle.current().pid();
    }

    /** Whether a child of this JVM has ended and been reaped: gone from /proc altogether. */
    public static boolean isReaped(long pid) {
        return stat(pid) == null;
    }

    /** The live (not zombie) children of this JVM: CGI scripts still running. */
    public static List<Long> childrenOfThisJvm() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).filter(pid -> {
            String state = stat(pid);
            return state != null && state.charAt(0) != 'Z';
        }).toList();
    }

    /** The children of this JVM that are zombies now (exited, not reaped). */
    public static List<Long> zombieChildren() throws IOException {
        long self = ProcessHandle.current().pid();
        List<Long> zombies = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String state = stat(Long.parseLong(name));
                if (state != null && state.charAt(0) == 'Z' && parentOf(state) == self) {
                    zombies.add(Long.parseLong(name));
                }
            }
        }
        return zombies;
    }

    /** Waits (a reaper is asynchronous) until this JVM has no zombie child; returns those left. */
    public static List<Long> awaitNoZombies() throws Exception {
        Poll.within(Duration.ofSeconds(5), () -> {
            try {
                return zombieChildren().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return zombieChildren();
    }

    /** {@code /proc/PID/stat} from the state field on ("S 1234 ..."), or null when there is no such process. */
    private static String stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2); // the command name may hold spaces and parentheses
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // vanished while being read
        }
    }

    private static long parentOf(String state) {
        return Long.parseLong(state.split(" ")[1]);
    }
}
