package io.webserv.server;

import io.webserv.config.ConfigError;
import io.webserv.config.model.HandlerMount;
import io.webserv.config.model.RouteConfig;
import io.webserv.config.model.ServerConfig;
import io.webserv.config.model.WebservConfig;
import io.webserv.handlers.api.Handler;
import io.webserv.handlers.spi.HandlerModule;
import io.webserv.handlers.spi.ModuleContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The handler modules on the class path, found with {@link ServiceLoader}, by name. Checks a
 * configuration's mounts against them (an unknown module or option is an error at the line and column
 * of {@code handler}) and creates the handler of a mounted route.
 */
final class HandlerModules {

    private final Map<String, HandlerModule> byName;

    private HandlerModules(Map<String, HandlerModule> byName) {
        this.byName = byName;
    }

    /** Found once: the class path does not change while the process runs. */
    private static volatile HandlerModules onClassPath;

    /**
     * Every module the class path provides; two modules with one name are a packaging error. The scan
     * runs once per process: start-up's check, the server and every reload share it (modules are
     * stateless factories).
     */
    static HandlerModules discover() {
        HandlerModules found = onClassPath;
        if (found == null) {
            found = scan(); // two threads racing here both scan and find the same modules: harmless
            onClassPath = found;
        }
        return found;
    }

    private static HandlerModules scan() {
        Map<String, HandlerModule> byName = new TreeMap<>();
        for (HandlerModule module : ServiceLoader.load(HandlerModule.class, HandlerModules.class.getClassLoader())) {
            HandlerModule other = byName.putIfAbsent(module.name(), module);
            if (other != null) {
                throw new IllegalStateException("two handler modules are named '" + module.name() + "': "
                        + other.getClass().getName() + " and " + module.getClass().getName());
            }
        }
        return new HandlerModules(byName);
    }

    /** The problems of every mount in {@code config}, in file order, naming {@code file}. */
    List<ConfigError> check(WebservConfig config, Path file) {
        List<ConfigError> errors = new ArrayList<>();
        for (ServerConfig server : config.servers()) {
            for (RouteConfig route : server.routes()) {
                route.handler().ifPresent(mount -> check(mount, file, errors));
            }
        }
        errors.sort(ConfigError.BY_POSITION);
        return errors;
    }

    private void check(HandlerMount mount, Path file, List<ConfigError> errors) {
        HandlerModule module = byName.get(mount.module());
        if (module == null) {
            errors.add(new ConfigError(file, mount.line(), mount.column(), "no handler module named '" + mount.module()
                    + "' (on the class path: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")"));
            return;
        }
        for (String option : mount.options().keySet()) {
            if (!module.options().contains(option)) {
                HandlerMount.Position at = mount.positionOf(option);
                String expected = module.options().isEmpty() ? "it takes none"
                        : "expected some of: " + String.join(", ", new TreeSet<>(module.options()));
                errors.add(new ConfigError(file, at.line(), at.column(), "handler '" + mount.module()
                        + "' has no option '" + option + "' (" + expected + ")"));
            }
        }
    }

    /**
     * The handler of a route that mounts a module.
     *
     * @throws IllegalArgumentException for a mount {@link #check} would refuse, or an option value the
     *                                  module refuses
     */
    Handler create(RouteConfig route, ModuleContext context) {
        HandlerMount mount = route.handler().orElseThrow();
        HandlerModule module = byName.get(mount.module());
        if (module == null) {
            throw new IllegalArgumentException("route " + route.path() + ": no handler module named '" + mount.module() + "'");
        }
        try {
            return module.create(route, mount, context);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(mount.line() + ":" + mount.column() + ": handler '" + mount.module()
                    + "' on route " + route.path() + ": " + e.getMessage(), e);
        }
    }
}
