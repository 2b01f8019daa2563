package io.webserv.status;

import io.webserv.config.model.HandlerMount;
import io.webserv.http.syntax.AddressRange;

import java.net.InetAddress;
import java.util.List;

/** The {@code allow} option of the status and metrics mounts: the clients that may read them. */
final class AllowList {

    /** Loopback in both families, as nginx's stub_status is usually guarded. */
    static final List<String> DEFAULT = List.of("127.0.0.0/8", "::1");

    private final List<AddressRange> ranges;

    private AllowList(List<AddressRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The mount's {@code allow} list, or loopback when it sets none; a bad entry is an error naming the option. */
    static AllowList of(HandlerMount mount) {
        List<String> allow = mount.optionValues("allow");
        return new AllowList((allow.isEmpty() ? DEFAULT : allow).stream().map(text -> {
            try {
                return AddressRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option 'allow': " + e.getMessage(), e);
            }
        }).toList());
    }

    boolean allows(InetAddress client) {
        return ranges.stream().anyMatch(range -> range.contains(client));
    }
}
