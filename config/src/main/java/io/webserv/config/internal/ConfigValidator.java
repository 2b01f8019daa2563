package io.webserv.config.internal;

import io.webserv.config.internal.FilesystemChecks.Directory;
import io.webserv.config.internal.FilesystemChecks.Executable;
import io.webserv.config.internal.FilesystemChecks.NameClaim;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks {@code -t} adds to reading the file (SPEC §1): directories that must exist, interpreters
 * that must be executable, and no listen address + server name claimed twice (the second server
 * could never be reached). Each problem is reported where the file names the offending value.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    public static void check(FilesystemChecks checks, Problems problems) {
        checks.directories().forEach(d -> directory(d, problems));
        checks.executables().forEach(e -> executable(e, problems));
        duplicateClaims(checks.claims(), problems);
    }

    private static void directory(Directory d, Problems problems) {
        String what = "'" + d.key() + "' " + d.path();
        if (!Files.exists(d.path())) {
            problems.at(d.at(), what + " does not exist");
        } else if (!Files.isDirectory(d.path())) {
            problems.at(d.at(), what + " is not a directory");
        } else if (!Files.isReadable(d.path()) || !Files.isExecutable(d.path())) {
            problems.at(d.at(), what + " is not readable");
        } else if (d.mustBeWritable() && !Files.isWritable(d.path())) {
            problems.at(d.at(), what + " is not writable");
        }
    }

    private static void executable(Executable e, Problems problems) {
        String what = "CGI interpreter for '" + e.extension() + "' " + e.path();
        if (!Files.exists(e.path())) {
            problems.at(e.at(), what + " does not exist");
        } else if (!Files.isRegularFile(e.path())) {
            problems.at(e.at(), what + " is not a file");
        } else if (!Files.isExecutable(e.path())) {
            problems.at(e.at(), what + " is not executable");
        }
    }

    private static void duplicateClaims(List<NameClaim> claims, Problems problems) {
        Map<String, NameClaim> first = new HashMap<>();
        for (NameClaim claim : claims) {
            NameClaim earlier = first.putIfAbsent(claim.address() + " " + claim.serverName(), claim);
            if (earlier != null) {
                String name = claim.serverName().isEmpty() ? "no server_names"
                        : "server name '" + claim.serverName() + "'";
                problems.at(claim.at(), "duplicate listen address and server name: another server with " + name
                        + " already listens on " + claim.address() + " (at " + earlier.at() + ")");
            }
        }
    }
}
