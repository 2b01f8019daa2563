package io.webserv.http.proxy;

/** Which request header field a trusted proxy names the client in. */
public enum ForwardingHeader {
    /** {@code X-Forwarded-For: client, proxy1, proxy2}: the de facto standard, each proxy appending its peer. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** {@code Forwarded: for=client, for="[2001:db8::1]:4711"} (RFC 7239): only its {@code for} parameters are read. */
    FORWARDED("Forwarded");

    private final String fieldName;

    ForwardingHeader(String fieldName) {
        this.fieldName = fieldName;
    }

    /** {@return the field's name as usually written} */
    public String fieldName() {
        return fieldName;
    }
}
