package io.webserv.config.model;

import java.util.Objects;
import java.util.Set;

/**
 * A route that answers every request with a redirect instead of serving files.
 *
 * @param status   301, 302, 303, 307 or 308
 * @param location the {@code Location} value as written: absolute or relative, visible ASCII only
 */
public record Redirect(int status, String location) {

    /** The statuses a {@code redirect} may use: 301, 302, 303, 307 and 308. */
    public static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    /**
     * Checks the redirect.
     *
     * @param status   one of {@link #STATUSES}
     * @param location the {@code Location} value, not null
     * @throws IllegalArgumentException when {@code status} is not a redirect status
     */
    public Redirect {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        Objects.requireNonNull(location, "location");
    }
}
