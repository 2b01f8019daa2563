package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.ConfigException;
import io.webserv.config.ConfigLoader;
import io.webserv.config.Validation;
import io.webserv.config.model.WebservConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Reading a configuration file the way the server trusts it: the config module's checks, then the
 * handler-module mounts, which only the assembly can check (which modules exist is known here, not
 * in the config module). {@code -t}, the start and every reload go through here.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * @param validation {@link Validation#FULL} for what {@code -t} checks, as a reload does too
     * @throws ConfigException with every problem, each as {@code file:line:column: message}
     */
    static WebservConfig load(Path file, Validation validation) throws ConfigException {
        WebservConfig config = ConfigLoader.load(file, validation);
        List<ConfigError> moduleErrors = HandlerModules.discover().check(config, file);
        if (!moduleErrors.isEmpty()) {
            throw new ConfigException(moduleErrors);
        }
        return config;
    }
}
