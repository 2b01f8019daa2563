package io.webserv.config.internal;

import io.webserv.config.model.ListenAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code -t} checks must look at, noted by the binders together with where the file says it,
 * because the model records carry no locations. {@link ConfigValidator} runs them.
 */
public final class FilesystemChecks {

    /** A {@code root} or {@code upload_dir} that must be an existing directory. */
    record Directory(String key, Path path, boolean mustBeWritable, Location at) {
    }

    /** A CGI interpreter that must be an executable file. */
    record Executable(String extension, Path path, Location at) {
    }

    /** A server answering on an address for a name ({@code ""} for a server without server_names). */
    record NameClaim(ListenAddress address, String serverName, Location at) {
    }

    private final List<Directory> directories = new ArrayList<>();
    private final List<Executable> executables = new ArrayList<>();
    private final List<NameClaim> claims = new ArrayList<>();

    void directory(String key, Path path, boolean mustBeWritable, Location at) {
        directories.add(new Directory(key, path, mustBeWritable, at));
    }

    void executable(String extension, Path path, Location at) {
        executables.add(new Executable(extension, path, at));
    }

    void claim(ListenAddress address, String serverName, Location at) {
        claims.add(new NameClaim(address, serverName, at));
    }

    List<Directory> directories() {
        return directories;
    }

    List<Executable> executables() {
        return executables;
    }

    /** In file order: the first claim of a pair is the one that stands. */
    List<NameClaim> claims() {
        return claims;
    }
}
