package io.webserv.config;

import io.webserv.config.internal.ConfigBinder;
import io.webserv.config.internal.ConfigValidator;
import io.webserv.config.internal.Problems;
import io.webserv.config.internal.Node;
import io.webserv.config.internal.YamlReader;
import io.webserv.config.model.WebservConfig;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a configuration file (SPEC §2) into a {@link WebservConfig}, or fails with every problem in
 * it at once. Relative paths in the file resolve against the file's own directory.
 *
 * <pre>{@code
 * WebservConfig config = ConfigLoader.load(Path.of("webserv.yaml"));                   // server start
 * WebservConfig checked = ConfigLoader.load(Path.of("webserv.yaml"), Validation.FULL); // -t
 * }</pre>
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Reads a configuration file with {@link Validation#SCHEMA}, as the server does when it starts.
     *
     * @param file the configuration file; error messages name it as given here
     * @return the bound, immutable configuration
     * @throws ConfigException with every problem, in file order
     */
    public static WebservConfig load(Path file) throws ConfigException {
        return load(file, Validation.SCHEMA);
    }

    /**
     * Reads a configuration file.
     *
     * @param file       the configuration file; error messages name it as given here
     * @param validation {@link Validation#FULL} for the {@code -t} checks on top of the file's own
     * @return the bound, immutable configuration
     * @throws ConfigException with every problem, in file order; a file that cannot be read is one
     *                         problem without a line
     */
    public static WebservConfig load(Path file, Validation validation) throws ConfigException {
        return parse(read(file), file, validation);
    }

    /**
     * Binds YAML text with {@link Validation#SCHEMA}, as {@link #parse(String, Path, Validation)} does.
     *
     * @param yaml        the configuration text
     * @param pretendFile the file it stands for: errors name it, relative paths resolve against its directory
     * @return the bound, immutable configuration
     * @throws ConfigException with every problem, in text order
     */
    public static WebservConfig parse(String yaml, Path pretendFile) throws ConfigException {
        return parse(yaml, pretendFile, Validation.SCHEMA);
    }

    /**
     * Binds YAML text as if it had been read from {@code pretendFile}: errors name that file and
     * relative paths resolve against its directory. For tests and for configurations built in memory.
     *
     * @param yaml        the configuration text
     * @param pretendFile the file it stands for
     * @param validation  {@link Validation#FULL} for the {@code -t} checks on top of the schema's
     * @return the bound, immutable configuration
     * @throws ConfigException with every problem, in text order
     */
    public static WebservConfig parse(String yaml, Path pretendFile, Validation validation) throws ConfigException {
        Problems problems = new Problems();
        Optional<Node> root = YamlReader.read(yaml, problems);
        if (root.isEmpty()) {
            throwIfAny(problems, pretendFile);
        }
        ConfigBinder.Binding binding = ConfigBinder.bind(root, baseDir(pretendFile), problems);
        if (validation == Validation.FULL) {
            ConfigValidator.check(binding.checks(), problems);
        }
        throwIfAny(problems, pretendFile);
        return binding.config();
    }

    private static void throwIfAny(Problems problems, Path file) throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list().stream()
                    .map(p -> new ConfigError(file, p.at().line(), p.at().column(), p.message()))
                    .toList());
        }
    }

    private static String read(Path file) throws ConfigException {
        String problem;
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            problem = "no such file";
        } catch (CharacterCodingException e) {
            problem = "not UTF-8 text";
        } catch (IOException e) {
            problem = "cannot read: " + e.getMessage();
        }
        throw new ConfigException(List.of(ConfigError.ofFile(file, problem)));
    }

    private static Path baseDir(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }
}
